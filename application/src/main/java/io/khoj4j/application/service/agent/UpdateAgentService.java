package io.khoj4j.application.service.agent;

import io.khoj4j.application.port.in.agent.AgentSettings;
import io.khoj4j.application.port.in.agent.UpdateAgentCommand;
import io.khoj4j.application.port.in.agent.UpdateAgentUseCase;
import io.khoj4j.application.port.out.agent.AgentKnowledge;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.agent.Agent;
import java.time.Clock;

/**
 * Changes the caller's own agent; the slug never changes. A changed persona or privacy passes the safety check again.
 * The knowledge is copied afresh from the creator's files in the same transaction (a snapshot, as in Khoj).
 */
public final class UpdateAgentService implements UpdateAgentUseCase {

  private final AgentRepository agents;
  private final AgentRules rules;
  private final AgentKnowledge knowledge;
  private final PersonaSafetyCheck safety;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public UpdateAgentService(
      AgentRepository agents,
      ChatModelRepository models,
      AgentKnowledge knowledge,
      PersonaSafetyCheck safety,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.agents = agents;
    this.rules = new AgentRules(agents, models);
    this.knowledge = knowledge;
    this.safety = safety;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public Agent update(UpdateAgentCommand command) {
    AgentSettings settings = command.settings();
    Agent current = command.shared()
        ? rules.managed(command.slug())
        : rules.ownedBy(
            command.editor(), command.slug(), "Only the agent's creator can change it.");
    String name = AgentRules.validName(settings.name());
    rules.checkModel(settings.chatModel());
    AgentRules.checkFiles(knowledge, command.editor(), settings.files());
    if (!settings.persona().equals(current.persona()) || settings.privacy() != current.privacy()) {
      safety.check(command.editor(), settings.persona(), settings.privacy());
    }
    Agent changed = AgentRules.build(
        current.id(),
        current.slug(),
        current.creator(),
        name,
        settings,
        current.createdAt(),
        clock.instant());
    unitOfWork.run(() -> {
      if (command.shared()) {
        agents.saveManaged(changed);
      } else if (!agents.update(command.editor(), changed)) {
        throw AgentRules.notFound(command.slug());
      }
      knowledge.replace(changed.id(), command.editor(), changed.files());
    });
    return changed;
  }
}
