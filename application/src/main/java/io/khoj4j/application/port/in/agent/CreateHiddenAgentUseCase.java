package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.Agent;

/**
 * Customises a conversation that still talks as the default agent: a private, hidden agent with a generated name is
 * made and becomes the conversation's agent.
 */
public interface CreateHiddenAgentUseCase {

  Agent create(CreateHiddenAgentCommand command);
}
