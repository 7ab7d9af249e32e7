package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The agent a chat turn talks as, resolved for one user.
 *
 * @param agent the agent itself (the default agent when the conversation has none)
 * @param persona the persona to add to the system prompt; empty for the default agent (standard instructions)
 * @param chatModel the friendly name of the model to use; empty means the user's or the server's default
 * @param searchOwner whose notes a search may use: always the chatting user, never the agent's creator
 * @param knowledgeAgent the agent whose own knowledge a search adds; empty for the default agent
 */
public record EffectiveAgent(
    Agent agent,
    Optional<String> persona,
    Optional<String> chatModel,
    UserId searchOwner,
    Optional<UUID> knowledgeAgent) {

  public EffectiveAgent {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(chatModel, "chat model");
    Objects.requireNonNull(searchOwner, "search owner");
    Objects.requireNonNull(knowledgeAgent, "knowledge agent");
  }

  public boolean allows(AgentInputTool tool) {
    return agent.allows(tool);
  }

  public boolean allows(AgentOutputMode mode) {
    return agent.allows(mode);
  }
}
