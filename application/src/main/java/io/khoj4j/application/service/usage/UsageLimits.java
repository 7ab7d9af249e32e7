package io.khoj4j.application.service.usage;

import java.util.Objects;

/**
 * The limits of each tier (Khoj's §7.3 numbers by default) and whether they apply at all. Off by default on a
 * self-hosted server; on whenever billing is on; and an operator may switch them on without billing (then every user
 * is on the premium tier, so the premium numbers are the ones that count).
 */
public record UsageLimits(boolean enabled, TierLimits free, TierLimits premium) {

  public UsageLimits {
    Objects.requireNonNull(free, "free");
    Objects.requireNonNull(premium, "premium");
  }

  /**
   * One tier's numbers. Read-aloud ({@code speech*}) is counted in the chat's own minute and day, as in Khoj, with
   * its own ceilings. Sizes are in bytes; an upload or an index is refused when it would reach its limit (Khoj
   * refuses at "greater or equal").
   */
  public record TierLimits(
      int chatPerMinute,
      int chatPerDay,
      int researchPerDay,
      int imagesPerMessage,
      long imageBytesPerMessage,
      int transcriptionsPerMinute,
      int transcriptionsPerDay,
      int speechPerMinute,
      int speechPerDay,
      long uploadBytesPerRequest,
      long indexedBytes,
      int webSocketConnections) {

    public TierLimits {
      if (chatPerMinute < 1
          || chatPerDay < 1
          || researchPerDay < 1
          || imagesPerMessage < 0
          || imageBytesPerMessage < 0
          || transcriptionsPerMinute < 1
          || transcriptionsPerDay < 1
          || speechPerMinute < 1
          || speechPerDay < 1
          || uploadBytesPerRequest < 1
          || indexedBytes < 1
          || webSocketConnections < 1) {
        throw new IllegalArgumentException("usage limits must be positive (image limits may be 0)");
      }
    }
  }

  private static final long MB = 1L << 20;

  /** Khoj's free tier. */
  public static TierLimits khojFree() {
    return new TierLimits(20, 100, 20, 10, 20 * MB, 20, 60, 30, 100, 50 * MB, 50 * MB, 5);
  }

  /** Khoj's premium tier. */
  public static TierLimits khojPremium() {
    return new TierLimits(20, 600, 75, 10, 20 * MB, 20, 600, 30, 600, 100 * MB, 500 * MB, 10);
  }

  public static UsageLimits khoj(boolean enabled) {
    return new UsageLimits(enabled, khojFree(), khojPremium());
  }
}
