package io.khoj4j.application.port.out.token;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryApiTokenRepositoryTest extends ApiTokenRepositoryContract {

  private final InMemoryApiTokenRepository repository = new InMemoryApiTokenRepository();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();

  @Override
  protected ApiTokenRepository repository() {
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
