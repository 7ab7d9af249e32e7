package io.khoj4j.domain.chat;

import java.util.List;
import java.util.Objects;

/** One message of a prompt. */
public sealed interface PromptMessage {

  String text();

  record System(String text) implements PromptMessage {
    public System {
      Objects.requireNonNull(text, "text");
    }
  }

  /** {@code images} are data URIs ({@code data:image/png;base64,…}) or URLs; only vision models receive them. */
  record User(String text, List<String> images) implements PromptMessage {
    public User {
      Objects.requireNonNull(text, "text");
      images = images == null ? List.of() : List.copyOf(images);
    }

    public User(String text) {
      this(text, List.of());
    }
  }

  record Assistant(String text) implements PromptMessage {
    public Assistant {
      Objects.requireNonNull(text, "text");
    }
  }
}
