package io.khoj4j.domain.agent;

import java.util.Locale;
import java.util.Optional;

/** Who may see an agent: private (creator only), protected (anyone with the slug, never listed), public. */
public enum AgentPrivacy {
  PRIVATE,
  PROTECTED,
  PUBLIC;

  /** Khoj's wire name ({@code private|protected|public}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AgentPrivacy> fromWire(String value) {
    for (AgentPrivacy privacy : values()) {
      if (privacy.wireName().equals(value)) {
        return Optional.of(privacy);
      }
    }
    return Optional.empty();
  }
}
