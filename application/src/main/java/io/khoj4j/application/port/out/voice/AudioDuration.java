package io.khoj4j.application.port.out.voice;

import io.khoj4j.domain.voice.AudioClip;
import java.time.Duration;
import java.util.Optional;

/** How long a recording plays, read from its container without decoding the audio. */
public interface AudioDuration {

  /** Knows no format: every length is unknown. */
  AudioDuration UNKNOWN = clip -> Optional.empty();

  /**
   * The clip's length; empty when its format is not one read here or its headers do not say (the size limit still
   * bounds it then).
   */
  Optional<Duration> of(AudioClip clip);
}
