package io.khoj4j.adapter.persistence.out.subscription;

import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.subscription.SubscriptionRepository;
import io.khoj4j.application.port.out.subscription.SubscriptionRepositoryContract;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PgSubscriptionRepositoryIT extends SubscriptionRepositoryContract {

  @Inject
  PgSubscriptionRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Override
  protected SubscriptionRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  protected UserId newOwner() {
    String email = "owner-" + java.util.UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new io.khoj4j.domain.user.User(
            new UserId(java.util.UUID.randomUUID()),
            email,
            email,
            "",
            "",
            false,
            false,
            java.time.Instant.now()))
        .id();
  }
}
