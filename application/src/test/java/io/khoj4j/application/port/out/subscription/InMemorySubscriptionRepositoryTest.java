package io.khoj4j.application.port.out.subscription;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemorySubscriptionRepositoryTest extends SubscriptionRepositoryContract {

  private final InMemorySubscriptionRepository repository = new InMemorySubscriptionRepository();

  @Override
  protected SubscriptionRepository repository() {
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
}
