package io.khoj4j.adapter.persistence.out.auth;

import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/** Inserts a fresh user for tests whose rows reference {@code users}. */
final class NewOwners {

  private NewOwners() {}

  static UserId in(PgUserRepository users) {
    String email = "owner-" + UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()), email, email, "", "", false, false, Instant.now()))
        .id();
  }
}
