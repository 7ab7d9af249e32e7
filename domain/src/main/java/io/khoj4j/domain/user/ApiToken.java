package io.khoj4j.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's API token as stored: a name, the hash of the secret, and a short display form ({@code kk-Ab12Cd…}) that
 * lets the user recognise it in a list without the secret ever being stored.
 */
public record ApiToken(
    UUID id,
    UserId owner,
    String name,
    SecretHash hash,
    String display,
    Instant createdAt,
    Instant lastUsedAt) {

  /** Khoj's token prefix; clients and users recognise it. */
  public static final String PREFIX = "kk-";

  /** How stale the recorded last use may get before a request refreshes it: one write per token per period. */
  public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(5);

  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public Optional<Instant> lastUsed() {
    return Optional.ofNullable(lastUsedAt);
  }

  public boolean lastUseIsStale(Instant now) {
    return lastUsedAt == null || lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now);
  }

  /** The display form of a secret: the prefix and the first eight characters after it. */
  public static String displayOf(String token) {
    int end = Math.min(token.length(), PREFIX.length() + 8);
    return token.substring(0, end) + "…";
  }
}
