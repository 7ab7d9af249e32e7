package io.khoj4j.domain.agent;

import java.util.Locale;
import java.util.Optional;

/** A source an agent may consult; an agent with none listed may use them all. */
public enum AgentInputTool {
  GENERAL,
  ONLINE,
  NOTES,
  WEBPAGE,
  CODE;

  /** Khoj's wire name ({@code general|online|notes|webpage|code}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AgentInputTool> fromWire(String value) {
    for (AgentInputTool tool : values()) {
      if (tool.wireName().equals(value)) {
        return Optional.of(tool);
      }
    }
    return Optional.empty();
  }
}
