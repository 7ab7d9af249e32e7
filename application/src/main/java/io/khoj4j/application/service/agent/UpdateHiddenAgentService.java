package io.khoj4j.application.service.agent;

import io.khoj4j.application.port.in.agent.HiddenAgentSettings;
import io.khoj4j.application.port.in.agent.UpdateHiddenAgentCommand;
import io.khoj4j.application.port.in.agent.UpdateHiddenAgentUseCase;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentPrivacy;
import java.time.Clock;
import java.util.Optional;

/** Changes the caller's hidden agent: persona, model, tools. Any other agent is not found here. */
public final class UpdateHiddenAgentService implements UpdateHiddenAgentUseCase {

  private final AgentRepository agents;
  private final AgentRules rules;
  private final PersonaSafetyCheck safety;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public UpdateHiddenAgentService(
      AgentRepository agents,
      ChatModelRepository models,
      PersonaSafetyCheck safety,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.agents = agents;
    this.rules = new AgentRules(agents, models);
    this.safety = safety;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public Agent update(UpdateHiddenAgentCommand command) {
    Agent current = agents
        .findReadable(Optional.of(command.user()), command.slug())
        .filter(a -> a.hidden() && a.createdBy(command.user()))
        .orElseThrow(() -> AgentRules.notFound(command.slug()));
    HiddenAgentSettings settings = command.settings();
    rules.checkModel(settings.chatModel());
    if (!settings.persona().equals(current.persona())) {
      safety.check(command.user(), settings.persona(), AgentPrivacy.PRIVATE);
    }
    Agent changed = new Agent(
        current.id(),
        current.slug(),
        current.creator(),
        current.name(),
        settings.persona(),
        current.privacy(),
        settings.chatModel(),
        settings.inputTools(),
        settings.outputModes(),
        current.color(),
        current.icon(),
        true,
        current.createdAt(),
        clock.instant(),
        current.files());
    unitOfWork.run(() -> {
      if (!agents.update(command.user(), changed)) {
        throw AgentRules.notFound(command.slug());
      }
    });
    return changed;
  }
}
