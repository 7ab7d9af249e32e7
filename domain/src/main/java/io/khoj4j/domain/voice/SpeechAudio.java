package io.khoj4j.domain.voice;

import java.util.Objects;

/** Synthesized speech: the audio bytes and their media type (e.g. {@code audio/mpeg}). */
public record SpeechAudio(byte[] bytes, String mediaType) {

  public SpeechAudio {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(mediaType, "mediaType");
  }
}
