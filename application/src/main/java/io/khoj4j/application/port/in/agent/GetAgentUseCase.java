package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.Agent;

public interface GetAgentUseCase {

  Agent get(GetAgentQuery query);
}
