package io.khoj4j.adapter.persistence.out.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.ratelimit.IndexSpace;
import io.khoj4j.application.port.out.ratelimit.IndexSpaceContract;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract (its race test included) on PostgreSQL; two instances on one database stand for two replicas. */
@QuarkusTest
class PgIndexSpaceIT extends IndexSpaceContract {

  @Inject
  EntityManager em;

  @Inject
  PgUserRepository users;

  @Inject
  PgVectorEntryRepository entries;

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

  @Override
  protected IndexSpace space() {
    return new PgIndexSpace(em, clock);
  }

  @Override
  protected UserId newUser() {
    String email = "space-" + UUID.randomUUID() + "@example.org";
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

  @Test
  void twoReplicasShareTheRoomAndAnAbandonedReservationStopsCountingThenIsPurged() {
    UserId alice = newUser();
    IndexSpace replicaA = new PgIndexSpace(em, clock);
    IndexSpace replicaB = new PgIndexSpace(em, clock);
    assertThat(replicaA.tryReserve(alice, "a", 700, 1000)).isTrue();
    assertThat(replicaB.tryReserve(alice, "b", 300, 1000)).isFalse();

    clock.advance(IndexSpace.STALE_AFTER.plus(Duration.ofMinutes(1)));
    assertThat(replicaB.tryReserve(alice, "b", 300, 1000))
        .as("the first upload died long ago")
        .isTrue();
    assertThat(replicaA.purgeBefore(clock.instant().minus(Duration.ofMinutes(30))))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void whatTheUserHasIndexedCountsFromItsFileRecordsAndOnlyThatUsers() {
    UserId alice = newUser();
    UserId bob = newUser();
    entries.saveFile(new IndexedFile(
        UUID.randomUUID(),
        alice,
        "/notes/a.md",
        ContentType.MARKDOWN,
        ContentSource.COMPUTER,
        "text",
        4_000,
        600,
        clock.instant()));
    IndexSpace space = space();

    assertThat(space.tryReserve(alice, "u1", 400, 1000)).as("600 indexed + 400").isFalse();
    assertThat(space.tryReserve(alice, "u2", 399, 1000)).isTrue();
    assertThat(space.tryReserve(bob, "u1", 999, 1000))
        .as("alice's files are not bob's")
        .isTrue();
  }
}
