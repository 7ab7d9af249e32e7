package io.khoj4j.application.port.in.auth;

import io.khoj4j.domain.user.User;
import java.time.Instant;
import java.util.Objects;

/** A new browser session: the web edge puts {@code secret} in the session cookie, valid until {@code expiresAt}. */
public record SignedIn(User user, String secret, Instant expiresAt) {

  public SignedIn {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "SignedIn[user=" + user.id() + ", expiresAt=" + expiresAt + "]";
  }
}
