package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.Agent;
import java.util.List;

public interface ListAgentsUseCase {

  List<Agent> list(ListAgentsQuery query);
}
