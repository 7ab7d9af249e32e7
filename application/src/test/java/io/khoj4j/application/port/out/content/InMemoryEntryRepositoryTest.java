package io.khoj4j.application.port.out.content;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryEntryRepositoryTest extends EntryRepositoryContract {

  private final InMemoryEntryRepository repository = new InMemoryEntryRepository();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();

  @Override
  protected EntryRepository repository() {
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
