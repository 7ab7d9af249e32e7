package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import io.khoj4j.domain.agent.AgentPrivacy;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a user sets on an agent (create and update alike).
 *
 * @param chatModel friendly name of a configured chat model; empty for the default
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
    boolean hidden) {

  public AgentSettings {
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(chatModel, "chat model");
    persona = persona == null ? "" : persona;
    inputTools = inputTools == null ? Set.of() : Set.copyOf(inputTools);
    outputModes = outputModes == null ? Set.of() : Set.copyOf(outputModes);
  }
}
