package io.khoj4j.adapter.persistence.out.search;

import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.JpaUserRepository;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.EntryRankerContract;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

@QuarkusTest
class PostgresEntryRankersIT extends EntryRankerContract {

  @Inject PgVectorEntryRepository repository;
  @Inject JpaUserRepository users;
  @Inject QuarkusTransactionUnitOfWork unitOfWork;
  @Inject PgVectorEntryRanker vector;
  @Inject FullTextEntryRanker keyword;

  @Override
  protected EntryRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  protected UserId newOwner() {
    String email = "ranker-" + UUID.randomUUID() + "@example.org";
    return users.insertIfAbsent(new User(new UserId(UUID.randomUUID()), email, email, "", "", false, false,
        Instant.now())).id();
  }

  @Override
  protected EntryRanker vectorRanker() {
    return vector;
  }

  @Override
  protected EntryRanker keywordRanker() {
    return keyword;
  }
}
