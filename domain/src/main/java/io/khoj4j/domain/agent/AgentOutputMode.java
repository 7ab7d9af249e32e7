package io.khoj4j.domain.agent;

import java.util.Locale;
import java.util.Optional;

/** A non-text answer an agent may give; an agent with none listed may give them all. */
public enum AgentOutputMode {
  IMAGE,
  DIAGRAM;

  /** Khoj's wire name ({@code image|diagram}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AgentOutputMode> fromWire(String value) {
    for (AgentOutputMode mode : values()) {
      if (mode.wireName().equals(value)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
