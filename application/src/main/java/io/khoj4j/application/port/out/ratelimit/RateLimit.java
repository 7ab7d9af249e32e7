package io.khoj4j.application.port.out.ratelimit;

import java.time.Duration;
import java.util.Objects;

/** At most {@code attempts} within any sliding {@code window}, counted per subject under the name {@code bucket}. */
public record RateLimit(String bucket, int attempts, Duration window) {

  public RateLimit {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(window, "window");
    if (attempts < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "a rate limit needs at least one attempt in a positive window");
    }
  }
}
