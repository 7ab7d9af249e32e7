package io.khoj4j.application.port.in.connector;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Notion redirected the signed-in user back with an authorization code and the state we gave it. */
public record CompleteNotionOAuthCommand(UserId owner, String code, String state) {

  public CompleteNotionOAuthCommand {
    Objects.requireNonNull(owner, "owner");
    if (code == null || code.isBlank() || state == null || state.isBlank()) {
      throw new InvalidInputException("Missing code or state");
    }
    if (code.length() > 1000 || state.length() > 200) {
      throw new InvalidInputException("code or state too long");
    }
  }
}
