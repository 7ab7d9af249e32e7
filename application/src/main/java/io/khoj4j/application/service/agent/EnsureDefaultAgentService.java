package io.khoj4j.application.service.agent;

import io.khoj4j.application.port.in.agent.EnsureDefaultAgentUseCase;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentPrivacy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The default agent {@code khoj}: public, managed by the administrators, every tool; created when missing. */
public final class EnsureDefaultAgentService implements EnsureDefaultAgentUseCase {

  static final String DEFAULT_NAME = "Khoj";

  private final AgentRepository agents;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;

  public EnsureDefaultAgentService(
      AgentRepository agents, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    this.agents = agents;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Agent ensureDefaultAgent() {
    // the administrators' agent of that slug whatever its privacy: one an administrator made
    // private was not
    // found, and was overwritten with the defaults
    return agents.findManaged(Agent.DEFAULT_SLUG).orElseGet(() -> {
      Instant now = clock.instant();
      Agent khoj = new Agent(
          ids.newId(),
          Agent.DEFAULT_SLUG,
          Optional.empty(),
          DEFAULT_NAME,
          "",
          AgentPrivacy.PUBLIC,
          Optional.empty(),
          Set.of(),
          Set.of(),
          Agent.DEFAULT_COLOR,
          Agent.DEFAULT_ICON,
          false,
          now,
          now);
      unitOfWork.run(() -> agents.saveManaged(khoj));
      return khoj;
    });
  }
}
