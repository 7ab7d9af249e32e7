package io.khoj4j.application.service.voice;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.out.ratelimit.RateLimit;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.domain.user.UserId;
import java.time.Duration;

/**
 * Limits on voice: the largest recording accepted, the longest text read aloud, and per-user calls per minute and per
 * day for each direction (0 = no limit). Every call reaches a paid or busy provider, so Khoj's limits apply here
 * without billing too.
 */
public record VoiceLimits(
    long maxAudioBytes,
    int maxSpeechCharacters,
    int transcribePerMinute,
    int transcribePerDay,
    int speechPerMinute,
    int speechPerDay) {

  /** Khoj's numbers: 10 MiB of audio; 20/min and 600/day transcriptions; 30/min and 600/day read-alouds. */
  public static final VoiceLimits DEFAULTS = new VoiceLimits(10L * 1024 * 1024, 20_000, 20, 600, 30, 600);

  public VoiceLimits {
    if (maxAudioBytes < 1 || maxSpeechCharacters < 1) {
      throw new IllegalArgumentException("the audio and text limits must be positive");
    }
    if (transcribePerMinute < 0 || transcribePerDay < 0 || speechPerMinute < 0 || speechPerDay < 0) {
      throw new IllegalArgumentException("rate limits are 0 (none) or positive");
    }
  }

  /** Counts one call of {@code user} against both windows of {@code kind}, or refuses it. */
  static void take(RateLimiter limiter, String kind, int perMinute, int perDay, UserId user) {
    if (perMinute > 0 && !limiter.tryAcquire(new RateLimit(kind + "_minute", perMinute, Duration.ofMinutes(1)),
        user.toString())) {
      throw new QuotaExceededException("Too many " + kind + " requests: at most " + perMinute
          + " a minute. Please wait a moment.");
    }
    if (perDay > 0 && !limiter.tryAcquire(new RateLimit(kind + "_day", perDay, Duration.ofDays(1)), user.toString())) {
      throw new QuotaExceededException("Too many " + kind + " requests today: at most " + perDay + " a day.");
    }
  }
}
