package io.khoj4j.application.port.out.auth;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.UserId;

class InMemoryWebSessionRepositoryTest extends WebSessionRepositoryContract {

  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryWebSessionRepository repository = new InMemoryWebSessionRepository(users);

  @Override
  protected WebSessionRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return new DirectUnitOfWork();
  }

  @Override
  protected UserId newOwner() {
    return users.newUser();
  }

  @Override
  protected UserRepository users() {
    return users;
  }
}
