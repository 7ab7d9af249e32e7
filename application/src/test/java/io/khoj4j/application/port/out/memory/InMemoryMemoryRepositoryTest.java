package io.khoj4j.application.port.out.memory;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryMemoryRepositoryTest extends MemoryRepositoryContract {

  private final InMemoryMemoryRepository repository = new InMemoryMemoryRepository();

  @Override
  protected MemoryRepository repository() {
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
