package io.khoj4j.adapter.persistence.out.connector;

import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.connector.ConnectorRepositoryContract;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

@QuarkusTest
class PgConnectorRepositoryIT extends ConnectorRepositoryContract {

  @Inject
  PgConnectorRepository repository;

  @Inject
  PgUserRepository users;

  @Override
  protected ConnectorRepository repository() {
    return repository;
  }

  @Override
  protected UserId newOwner() {
    String email = "connector-" + UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()),
            email,
            email,
            "",
            "",
            false,
            false,
            Instant.parse("2026-03-01T09:00:00Z")))
        .id();
  }
}
