package io.khoj4j.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one-time code of a magic-link login: six digits, mailed to the user inside a link, valid five minutes and used
 * at most once. Only its hash is stored. Six digits are easy to type but easy to guess, so the attempt limits of the
 * login service, not the code's length, are what stop guessing.
 */
public record LoginCode(UserId owner, SecretHash hash, Instant expiresAt) {

  public static final Duration LIFETIME = Duration.ofMinutes(5);
  public static final int DIGITS = 6;

  public LoginCode {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The code's hash is bound to its owner, so one user's code is never another user's. */
  public static SecretHash hashOf(UserId owner, String code) {
    return SecretHash.of(owner.value() + ":" + code);
  }

  public boolean matches(String code) {
    return code != null && hash.equals(hashOf(owner, code));
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
