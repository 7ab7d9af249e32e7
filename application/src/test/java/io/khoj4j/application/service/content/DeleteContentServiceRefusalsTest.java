package io.khoj4j.application.service.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.content.DeleteContentCommand;
import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.application.port.out.content.InMemoryRefusedFileRepository;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.RefusedFile;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deleting a file clears its refusal too (issue 25 item 10). */
class DeleteContentServiceRefusalsTest {

  private final InMemoryRefusedFileRepository refused = new InMemoryRefusedFileRepository();
  private final DeleteContentService service =
      new DeleteContentService(new InMemoryEntryRepository(), refused, new DirectUnitOfWork());
  private final UserId alice = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());
  private static final Instant T = Instant.parse("2026-02-02T00:00:00Z");

  @Test
  void deletingAFileOnlyListedAsRefusedClearsItAndAnUnknownOneIsStillNotFound() {
    refused.save(new RefusedFile(alice, "/bad.pdf", "damaged", T));
    refused.save(new RefusedFile(bob, "/bad.pdf", "damaged", T));

    assertThat(service.delete(
            new DeleteContentCommand(alice, new DeleteContentCommand.File("/bad.pdf"))))
        .isZero();

    assertThat(refused.list(alice, 10)).isEmpty();
    assertThat(refused.list(bob, 10)).hasSize(1);
    assertThatThrownBy(() -> service.delete(
            new DeleteContentCommand(alice, new DeleteContentCommand.File("/bad.pdf"))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingManyFilesOrEverythingClearsTheirRefusals() {
    refused.save(new RefusedFile(alice, "/a.pdf", "damaged", T));
    refused.save(new RefusedFile(alice, "/b.pdf", "damaged", T));
    refused.save(new RefusedFile(alice, "/c.pdf", "damaged", T));

    service.delete(
        new DeleteContentCommand(alice, new DeleteContentCommand.Files(List.of("/a.pdf"))));
    assertThat(refused.list(alice, 10))
        .extracting(RefusedFile::name)
        .containsExactlyInAnyOrder("/b.pdf", "/c.pdf");
    service.delete(new DeleteContentCommand(
        alice, new DeleteContentCommand.Type(Optional.of(ContentType.PDF))));
    assertThat(refused.list(alice, 10)).hasSize(2);
    service.delete(
        new DeleteContentCommand(alice, new DeleteContentCommand.Type(Optional.empty())));
    assertThat(refused.list(alice, 10)).isEmpty();
  }
}
