package io.khoj4j.application.port.out.content;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryRefusedFileRepositoryTest extends RefusedFileRepositoryContract {

  private final InMemoryRefusedFileRepository repository = new InMemoryRefusedFileRepository();

  @Override
  protected RefusedFileRepository repository() {
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
