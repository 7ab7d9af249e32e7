package io.khoj4j.application.service.agent;

import io.khoj4j.application.port.in.agent.ListAgentsQuery;
import io.khoj4j.application.port.in.agent.ListAgentsUseCase;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.domain.agent.Agent;
import java.util.ArrayList;
import java.util.List;

/** The agents listed to a caller: the default agent first, then the others the repository lists, oldest first. */
public final class ListAgentsService implements ListAgentsUseCase {

  private final AgentRepository agents;

  public ListAgentsService(AgentRepository agents) {
    this.agents = agents;
  }

  @Override
  public List<Agent> list(ListAgentsQuery query) {
    if (query.shared()) {
      return agents.findAllManaged();
    }
    List<Agent> listed = new ArrayList<>();
    List<Agent> rest = new ArrayList<>();
    for (Agent agent : agents.findListed(query.viewer())) {
      (agent.isDefault() ? listed : rest).add(agent);
    }
    listed.addAll(rest);
    return List.copyOf(listed);
  }
}
