package io.khoj4j.application.port.out.model;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryChatModelRepositoryTest extends ChatModelRepositoryContract {

  private final InMemoryChatModelRepository repository = new InMemoryChatModelRepository();

  @Override
  protected ChatModelRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return new DirectUnitOfWork();
  }

  @Override
  protected UserId newUser() {
    return new UserId(UUID.randomUUID());
  }
}
