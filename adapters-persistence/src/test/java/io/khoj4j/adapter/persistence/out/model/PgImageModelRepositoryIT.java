package io.khoj4j.adapter.persistence.out.model;

import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.model.ImageModelRepository;
import io.khoj4j.application.port.out.model.ImageModelRepositoryContract;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

@QuarkusTest
class PgImageModelRepositoryIT extends ImageModelRepositoryContract {

  @Inject
  PgImageModelRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  DataSource dataSource;

  @Override
  protected ImageModelRepository repository() {
    return repository;
  }

  @Override
  protected void clear() {
    try (var c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.executeUpdate("delete from image_models");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected UserId newUser() {
    String email = "painter-" + UUID.randomUUID() + "@example.org";
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
