package io.khoj4j.application.port.in.token;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/**
 * Deletes one of the owner's tokens, named by its secret (what Khoj's clients send), by the display form the list
 * shows, or by id.
 */
public record DeleteApiTokenCommand(UserId owner, String token) {

  public DeleteApiTokenCommand {
    Objects.requireNonNull(owner, "owner");
    if (token == null || token.isBlank()) {
      throw new InvalidInputException("token is required");
    }
    token = token.strip();
  }
}
