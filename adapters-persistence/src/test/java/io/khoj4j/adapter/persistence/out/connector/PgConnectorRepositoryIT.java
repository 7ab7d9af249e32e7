package io.khoj4j.adapter.persistence.out.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.connector.ConnectorHold;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.connector.ConnectorRepositoryContract;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PgConnectorRepositoryIT extends ConnectorRepositoryContract {

  @Inject
  PgConnectorRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Override
  protected ConnectorRepository repository() {
    return repository;
  }

  @Override
  protected ConnectorHold hold() {
    return repository;
  }

  /**
   * A sync's file transaction holds the connector: removing it waits until that transaction has committed (and so
   * sees, and deletes, what it wrote), while saving a token does not wait.
   */
  @Test
  void aRemovalWaitsForATransactionHoldingTheConnector() throws Exception {
    UserId alice = newOwner();
    repository.saveNotion(alice, Optional.of(new SealedSecret("n")));
    CountDownLatch held = new CountDownLatch(1);
    AtomicLong holderEnded = new AtomicLong();
    AtomicLong removalEnded = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      var holder = pool.submit(() -> unitOfWork.run(() -> {
        assertThat(repository.hold(alice, ContentSource.NOTION)).isTrue();
        held.countDown();
        try {
          Thread.sleep(400); // time for the removal to overtake, if it could
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        repository.saveVersions(alice, ContentSource.NOTION, Map.of("https://notion.so/p", "t1"));
        holderEnded.set(System.nanoTime());
      }));
      held.await();
      // a token saved meanwhile is an update of no key: it does not wait for the holder
      repository.saveNotion(alice, Optional.empty());
      assertThat(holderEnded.get()).as("the token did not wait").isZero();
      var removal = pool.submit(() -> {
        unitOfWork.run(() -> repository.deleteConnector(alice, ContentSource.NOTION));
        removalEnded.set(System.nanoTime());
      });
      holder.get(60, TimeUnit.SECONDS);
      removal.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(removalEnded.get())
        .as("the removal ended after the holder")
        .isGreaterThan(holderEnded.get());
    assertThat(repository.versions(alice, ContentSource.NOTION))
        .as("what the holder wrote went with the connector")
        .isEmpty();
    assertThat(repository.hold(alice, ContentSource.NOTION)).isFalse();
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
