package io.khoj4j.application.port.out.token;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.UserId;

class InMemoryApiTokenRepositoryTest extends ApiTokenRepositoryContract {

  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryApiTokenRepository repository = new InMemoryApiTokenRepository(users);
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
    return users.newUser();
  }

  @Override
  protected UserRepository users() {
    return users;
  }
}
