package io.khoj4j.domain.voice;

import java.util.Objects;

/** A voice users may pick for read-aloud: the provider's voice id and the name shown (Khoj's VoiceModelOption). */
public record Voice(String id, String name) {

  public Voice {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a voice needs an id");
    }
    name = name == null || name.isBlank() ? id : name;
  }
}
