package io.khoj4j.application.port.in.user;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** A user reading their own account. */
public record AccountQuery(UserId user) {
  public AccountQuery {
    Objects.requireNonNull(user, "user");
  }
}
