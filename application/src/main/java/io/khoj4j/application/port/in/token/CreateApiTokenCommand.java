package io.khoj4j.application.port.in.token;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** A new token for {@code owner}; a blank name gets a generated "Adjective Noun" one, as in Khoj. */
public record CreateApiTokenCommand(UserId owner, String name) {

  public static final int MAX_NAME_LENGTH = 50;

  public CreateApiTokenCommand {
    Objects.requireNonNull(owner, "owner");
    name = name == null ? "" : name.strip();
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidInputException(
          "Token name is longer than " + MAX_NAME_LENGTH + " characters");
    }
  }
}
