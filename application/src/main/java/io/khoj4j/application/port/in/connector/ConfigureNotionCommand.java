package io.khoj4j.application.port.in.connector;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** Save the user's Notion internal-integration token; an empty one removes the Notion connector's token. */
public record ConfigureNotionCommand(UserId owner, Optional<String> token) {

  public static final int MAX_TOKEN_LENGTH = 255;

  public ConfigureNotionCommand {
    Objects.requireNonNull(owner, "owner");
    token = token == null ? Optional.empty() : token.map(String::strip).filter(t -> !t.isEmpty());
    if (token.isPresent()
        && (token.get().length() > MAX_TOKEN_LENGTH || !token.get().matches("[\\x21-\\x7e]+"))) {
      throw new InvalidInputException(
          "token must be at most " + MAX_TOKEN_LENGTH + " printable characters");
    }
  }
}
