package io.khoj4j.application.service.agent;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.port.in.agent.DeleteAgentCommand;
import io.khoj4j.application.port.in.agent.DeleteAgentUseCase;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;

/** Deletes the caller's own agent, and with it its knowledge. */
public final class DeleteAgentService implements DeleteAgentUseCase {

  private final AgentRepository agents;
  private final AgentRules rules;
  private final UnitOfWork unitOfWork;

  public DeleteAgentService(
      AgentRepository agents, ChatModelRepository models, UnitOfWork unitOfWork) {
    this.agents = agents;
    this.rules = new AgentRules(agents, models);
    this.unitOfWork = unitOfWork;
  }

  @Override
  public void delete(DeleteAgentCommand command) {
    if (command.shared()) {
      if (rules.managed(command.slug()).isDefault()) {
        throw new ForbiddenException("The default agent cannot be deleted.");
      }
      unitOfWork.run(() -> agents.deleteManaged(command.slug()));
      return;
    }
    rules.ownedBy(command.owner(), command.slug(), "Only the agent's creator can delete it.");
    unitOfWork.run(() -> agents.delete(command.owner(), command.slug()));
  }
}
