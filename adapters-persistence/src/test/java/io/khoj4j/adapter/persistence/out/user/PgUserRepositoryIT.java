package io.khoj4j.adapter.persistence.out.user;

import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.application.port.out.user.UserRepositoryContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PgUserRepositoryIT extends UserRepositoryContract {

  @Inject
  PgUserRepository repository;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Override
  protected UserRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }
}
