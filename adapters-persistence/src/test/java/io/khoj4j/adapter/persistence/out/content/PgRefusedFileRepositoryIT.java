package io.khoj4j.adapter.persistence.out.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.application.port.out.content.RefusedFileRepositoryContract;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.content.RefusedFile;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

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

  @Test
  void whichNamesWereRefusedIsReadOnAThreadWithoutARequestContextOrTransaction() throws Exception {
    UserId owner = newOwner();
    unitOfWork.run(() -> repository.save(
        new RefusedFile(owner, "/a.pdf", "damaged", Instant.parse("2026-03-01T10:00:00Z"))));
    // a connector's sync on save runs an upload on a thread of its own, with no CDI request context
    ExecutorService plain = Executors.newSingleThreadExecutor();
    try {
      assertThat(plain
              .submit(() -> repository.refusedAmong(owner, List.of("/a.pdf", "/b.pdf")))
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
