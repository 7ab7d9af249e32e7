package io.khoj4j.application.service.agent;

import io.khoj4j.application.port.in.agent.GetAgentQuery;
import io.khoj4j.application.port.in.agent.GetAgentUseCase;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.domain.agent.Agent;

/** One agent by slug: public, protected or the caller's own; anything else is not found. */
public final class GetAgentService implements GetAgentUseCase {

  private final AgentRepository agents;

  public GetAgentService(AgentRepository agents) {
    this.agents = agents;
  }

  @Override
  public Agent get(GetAgentQuery query) {
    return agents
        .findReadable(query.viewer(), query.slug())
        .orElseThrow(() -> AgentRules.notFound(query.slug()));
  }
}
