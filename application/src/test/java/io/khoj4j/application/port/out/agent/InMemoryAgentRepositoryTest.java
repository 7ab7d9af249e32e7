package io.khoj4j.application.port.out.agent;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryAgentRepositoryTest extends AgentRepositoryContract {

  private final InMemoryAgentRepository repository = new InMemoryAgentRepository();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();

  @Override
  protected AgentRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  protected UserId newOwner() {
    return new UserId(UUID.randomUUID());
  }
}
