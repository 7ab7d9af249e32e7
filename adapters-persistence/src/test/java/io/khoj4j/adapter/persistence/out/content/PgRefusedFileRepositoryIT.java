package io.khoj4j.adapter.persistence.out.content;

import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.application.port.out.content.RefusedFileRepositoryContract;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

@QuarkusTest
class PgRefusedFileRepositoryIT extends RefusedFileRepositoryContract {

  @Inject
  PgRefusedFileRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Override
  protected RefusedFileRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @org.junit.jupiter.api.Test
  void whichNamesWereRefusedIsReadOnAThreadWithoutARequestContextOrTransaction() throws Exception {
    UserId owner = newOwner();
    unitOfWork.run(() -> repository.save(new io.khoj4j.domain.content.RefusedFile(
        owner, "/a.pdf", "damaged", Instant.parse("2026-03-01T10:00:00Z"))));
    // a connector's sync on save runs an upload on a thread of its own, with no CDI request context
    java.util.concurrent.ExecutorService plain =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      org.assertj.core.api.Assertions.assertThat(plain
              .submit(() -> repository.refusedAmong(owner, java.util.List.of("/a.pdf", "/b.pdf")))
              .get())
          .containsExactly("/a.pdf");
    } finally {
      plain.shutdown();
    }
  }

  @Override
  protected UserId newOwner() {
    String email = "refused-" + UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()),
            email,
            email,
            "",
            "",
            false,
            false,
            Instant.parse("2026-01-01T00:00:00Z")))
        .id();
  }
}
