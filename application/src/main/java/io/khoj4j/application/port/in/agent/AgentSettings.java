package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import io.khoj4j.domain.agent.AgentPrivacy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a user sets on an agent (create and update alike).
 *
 * @param chatModel friendly name of a configured chat model; empty for the default
 * @param files the creator's indexed files the agent knows (a copy of their entries is made when the agent is saved)
 */
public record AgentSettings(
    String name,
    String persona,
    AgentPrivacy privacy,
    Optional<String> chatModel,
    Set<AgentInputTool> inputTools,
    Set<AgentOutputMode> outputModes,
    String color,
    String icon,
    boolean hidden,
    List<String> files) {

  public AgentSettings {
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(chatModel, "chat model");
    persona = persona == null ? "" : persona;
    inputTools = inputTools == null ? Set.of() : Set.copyOf(inputTools);
    outputModes = outputModes == null ? Set.of() : Set.copyOf(outputModes);
    files = files == null ? List.of() : List.copyOf(new LinkedHashSet<>(files));
  }

  /** Settings without knowledge files. */
  public AgentSettings(
      String name,
      String persona,
      AgentPrivacy privacy,
      Optional<String> chatModel,
      Set<AgentInputTool> inputTools,
      Set<AgentOutputMode> outputModes,
      String color,
      String icon,
      boolean hidden) {
    this(
        name, persona, privacy, chatModel, inputTools, outputModes, color, icon, hidden, List.of());
  }
}
