package io.khoj4j.application.port.in.user;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Deletes the account and everything it owns. */
public record DeleteAccountCommand(UserId user) {
  public DeleteAccountCommand {
    Objects.requireNonNull(user, "user");
  }
}
