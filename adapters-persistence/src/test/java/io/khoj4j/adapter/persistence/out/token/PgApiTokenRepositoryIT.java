package io.khoj4j.adapter.persistence.out.token;

import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.token.ApiTokenRepository;
import io.khoj4j.application.port.out.token.ApiTokenRepositoryContract;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

@QuarkusTest
class PgApiTokenRepositoryIT extends ApiTokenRepositoryContract {

  @Inject
  PgApiTokenRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

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
    String email = "owner-" + UUID.randomUUID() + "@example.org";
    User user =
        new User(new UserId(UUID.randomUUID()), email, email, "", "", false, false, Instant.now());
    return users.insertIfAbsent(user).id();
  }

  @Override
  protected UserRepository users() {
    return users;
  }
}
