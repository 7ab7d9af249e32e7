package io.khoj4j.application.port.out.automation;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryAutomationRepositoryTest extends AutomationRepositoryContract {

  private final InMemoryAutomationRepository repository = new InMemoryAutomationRepository();

  @Override
  protected AutomationRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return new DirectUnitOfWork();
  }

  @Override
  protected UserId newOwner() {
    return new UserId(UUID.randomUUID());
  }

  @Override
  protected UUID newConversation(UserId owner) {
    return UUID.randomUUID();
  }
}
