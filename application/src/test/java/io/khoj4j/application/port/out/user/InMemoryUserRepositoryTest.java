package io.khoj4j.application.port.out.user;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

  private final InMemoryUserRepository repository = new InMemoryUserRepository();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();

  @Override
  protected UserRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }
}
