package io.khoj4j.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A browser's signed-in session. The browser holds a random secret in the {@code session} cookie; the server keeps
 * only its hash, so signing out (or an administrator removing the user) ends the session everywhere at once.
 */
public record WebSession(SecretHash hash, UserId owner, Instant createdAt, Instant expiresAt) {

  /** Khoj's session cookie lives two weeks. */
  public static final Duration LIFETIME = Duration.ofDays(14);

  public WebSession {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
