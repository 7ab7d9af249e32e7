package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a user customises for one conversation (Khoj's hidden agent): persona, model and tools.
 *
 * @param chatModel friendly name of a configured chat model; empty for the default
 */
public record HiddenAgentSettings(
    String persona,
    Optional<String> chatModel,
    Set<AgentInputTool> inputTools,
    Set<AgentOutputMode> outputModes) {

  public HiddenAgentSettings {
    Objects.requireNonNull(chatModel, "chat model");
    persona = persona == null ? "" : persona;
    inputTools = inputTools == null ? Set.of() : Set.copyOf(inputTools);
    outputModes = outputModes == null ? Set.of() : Set.copyOf(outputModes);
  }
}
