package io.khoj4j.adapter.persistence.out.auth;

import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.auth.WebSessionRepository;
import io.khoj4j.application.port.out.auth.WebSessionRepositoryContract;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PgWebSessionRepositoryIT extends WebSessionRepositoryContract {

  @Inject
  PgWebSessionRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Override
  protected WebSessionRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  protected UserId newOwner() {
    return NewOwners.in(users);
  }

  @Override
  protected UserRepository users() {
    return users;
  }
}
