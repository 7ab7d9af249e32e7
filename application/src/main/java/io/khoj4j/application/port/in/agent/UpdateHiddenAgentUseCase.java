package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.Agent;

/** Changes a conversation's hidden agent; only its creator's, and only a hidden one. */
public interface UpdateHiddenAgentUseCase {

  Agent update(UpdateHiddenAgentCommand command);
}
