package io.khoj4j.application.service.agent;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.agent.AgentSettings;
import io.khoj4j.application.port.in.agent.CreateAgentCommand;
import io.khoj4j.application.port.in.agent.CreateAgentUseCase;
import io.khoj4j.application.port.out.agent.AgentKnowledge;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A new agent of the caller's: name and model checked, the persona past the safety check (outside any transaction),
 * then the agent and the copy of its knowledge files stored together.
 */
public final class CreateAgentService implements CreateAgentUseCase {

  private final AgentRepository agents;
  private final AgentRules rules;
  private final AgentKnowledge knowledge;
  private final PersonaSafetyCheck safety;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateAgentService(
      AgentRepository agents,
      ChatModelRepository models,
      AgentKnowledge knowledge,
      PersonaSafetyCheck safety,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    this.agents = agents;
    this.rules = new AgentRules(agents, models);
    this.knowledge = knowledge;
    this.safety = safety;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Agent create(CreateAgentCommand command) {
    AgentSettings settings = command.settings();
    String name = AgentRules.validName(settings.name());
    rules.checkModel(settings.chatModel());
    AgentRules.checkFiles(knowledge, command.creator(), settings.files());
    if (agents.nameTaken(command.creator(), name)) {
      throw new InvalidInputException("A " + settings.privacy().wireName() + " Agent with the name "
          + name + " already exists.");
    }
    safety.check(command.creator(), settings.persona(), settings.privacy());
    UUID id = ids.newId();
    Instant now = clock.instant();
    Optional<UserId> creator = command.shared() ? Optional.empty() : Optional.of(command.creator());
    Agent agent =
        AgentRules.build(id, AgentSlug.derive(name, id), creator, name, settings, now, now);
    unitOfWork.run(() -> {
      if (command.shared()) {
        agents.saveManaged(agent);
      } else {
        agents.insert(agent);
      }
      knowledge.replace(agent.id(), command.creator(), agent.files());
    });
    return agent;
  }
}
