package io.khoj4j.application.service.voice;

import java.time.Duration;
import java.util.Objects;

/**
 * What one voice request may carry: the largest recording, the longest recording (read from its container's headers)
 * and the longest text read aloud. How often a user may call is a usage limit ({@code khoj.limits.*}), counted with
 * the others through {@link io.khoj4j.application.port.in.usage.AdmitUsageUseCase}.
 */
public record VoiceLimits(long maxAudioBytes, Duration maxAudioDuration, int maxSpeechCharacters) {

  /** 10 MiB of audio (Khoj's), ten minutes of it, 20,000 characters of text. */
  public static final VoiceLimits DEFAULTS =
      new VoiceLimits(10L * 1024 * 1024, Duration.ofMinutes(10), 20_000);

  public VoiceLimits {
    Objects.requireNonNull(maxAudioDuration, "maxAudioDuration");
    if (maxAudioBytes < 1
        || maxSpeechCharacters < 1
        || maxAudioDuration.isNegative()
        || maxAudioDuration.isZero()) {
      throw new IllegalArgumentException("the audio and text limits must be positive");
    }
  }
}
