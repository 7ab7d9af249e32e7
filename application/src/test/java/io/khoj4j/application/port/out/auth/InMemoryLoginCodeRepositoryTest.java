package io.khoj4j.application.port.out.auth;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryLoginCodeRepositoryTest extends LoginCodeRepositoryContract {

  private final InMemoryLoginCodeRepository repository = new InMemoryLoginCodeRepository();

  @Override
  protected LoginCodeRepository repository() {
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
