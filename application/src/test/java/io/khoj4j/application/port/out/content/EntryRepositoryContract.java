package io.khoj4j.application.port.out.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.embedding.FakeEmbeddingModel;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.content.Chunk;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EntryRepository} must do. */
public abstract class EntryRepositoryContract {

  protected abstract EntryRepository repository();

  protected abstract UnitOfWork unitOfWork();

  /** A user that exists in the store. */
  protected abstract UserId newOwner();

  private UserId alice;
  private UserId bob;

  @BeforeEach
  void owners() {
    alice = newOwner();
    bob = newOwner();
  }

  protected static StoredChunk chunk(
      String file, String text, ContentType type, ContentSource source) {
    Chunk c = new Chunk(text, text, "heading", file, "file://" + file, ContentHash.of(text), 0);
    return new StoredChunk(
        UUID.randomUUID(),
        c,
        type,
        source,
        UUID.randomUUID(),
        FakeEmbeddingModel.vector(text),
        "fake",
        Set.of(LocalDate.of(2024, 3, 5)));
  }

  private static StoredChunk md(String file, String text) {
    return chunk(file, text, ContentType.MARKDOWN, ContentSource.COMPUTER);
  }

  private void insert(UserId owner, StoredChunk... chunks) {
    unitOfWork().run(() -> {
      for (StoredChunk c : chunks) {
        repository().insertChunks(owner, c.chunk().file(), List.of(c));
      }
    });
  }

  private IndexedFile file(UserId owner, String name, ContentType type, Instant at) {
    return new IndexedFile(
        UUID.randomUUID(),
        owner,
        name,
        type,
        ContentSource.COMPUTER,
        "text of " + name,
        10,
        7,
        at.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void chunksAreFoundByFileAndHashAndOnlyForTheirOwner() {
    insert(alice, md("/a.md", "one"), md("/a.md", "two"));

    assertThat(repository().hashesOf(alice, "/a.md"))
        .containsExactlyInAnyOrder(ContentHash.of("one"), ContentHash.of("two"));
    assertThat(repository().hashesOf(bob, "/a.md")).isEmpty();
    assertThat(repository().hasEntries(alice)).isTrue();
    assertThat(repository().hasEntries(bob)).isFalse();
  }

  @Test
  void theHashesOfManyFilesAreReadAtOnceForTheirOwnerOnly() {
    insert(
        alice, md("/a.md", "one"), md("/a.md", "two"), md("/b.md", "three"), md("/c.md", "four"));
    insert(bob, md("/d.md", "five"), md("/a.md", "six"));

    assertThat(
            repository().hashesOf(alice, List.of("/a.md", "/b.md", "/d.md", "/none.md", "/a.md")))
        .isEqualTo(java.util.Map.of(
            "/a.md", Set.of(ContentHash.of("one"), ContentHash.of("two")),
            "/b.md", Set.of(ContentHash.of("three"))));
    assertThat(repository().hashesOf(bob, List.of("/a.md", "/b.md")))
        .isEqualTo(java.util.Map.of("/a.md", Set.of(ContentHash.of("six"))));
    assertThat(repository().hashesOf(alice, List.of())).isEmpty();
  }

  @Test
  void insertingAChunkTwiceKeepsOne() {
    insert(alice, md("/a.md", "same"));
    insert(alice, md("/a.md", "same"));

    assertThat(repository().hashesOf(alice, "/a.md")).hasSize(1);
  }

  @Test
  void staleChunksAreDeletedAndKeptOnesStay() {
    insert(alice, md("/a.md", "keep"), md("/a.md", "drop"), md("/b.md", "drop"));

    int deleted = unitOfWork()
        .inTransaction(
            () -> repository().deleteChunksNotIn(alice, "/a.md", Set.of(ContentHash.of("keep"))));

    assertThat(deleted).isEqualTo(1);
    assertThat(repository().hashesOf(alice, "/a.md")).containsExactly(ContentHash.of("keep"));
    assertThat(repository().hashesOf(alice, "/b.md")).containsExactly(ContentHash.of("drop"));
  }

  @Test
  void deletingAFileRemovesItsChunksAndRecordOnly() {
    insert(alice, md("/a.md", "x"), md("/b.md", "y"));
    insert(bob, md("/a.md", "x"));
    unitOfWork()
        .run(
            () -> repository().saveFile(file(alice, "/a.md", ContentType.MARKDOWN, Instant.now())));

    assertThat(repository().hasFile(alice, "/a.md")).isTrue();
    assertThat(repository().hasFile(bob, "/a.md"))
        .as("bob has chunks of /a.md but no file record")
        .isFalse();

    int deleted = unitOfWork().inTransaction(() -> repository().deleteFile(alice, "/a.md"));

    assertThat(deleted).isEqualTo(1);
    assertThat(repository().findFile(alice, "/a.md")).isEmpty();
    assertThat(repository().hasFile(alice, "/a.md")).isFalse();
    assertThat(repository().hashesOf(alice, "/b.md")).isNotEmpty();
    assertThat(repository().hashesOf(bob, "/a.md")).isNotEmpty();
  }

  @Test
  void savingAFileAgainReplacesItsRecord() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    unitOfWork().run(() -> repository().saveFile(file(alice, "/a.md", ContentType.MARKDOWN, t)));
    IndexedFile newer = new IndexedFile(
        UUID.randomUUID(),
        alice,
        "/a.md",
        ContentType.MARKDOWN,
        ContentSource.COMPUTER,
        "new text",
        8,
        5,
        t.plusSeconds(5));
    unitOfWork().run(() -> repository().saveFile(newer));

    assertThat(repository().findFile(alice, "/a.md")).get().satisfies(f -> {
      assertThat(f.rawText()).isEqualTo("new text");
      assertThat(f.updatedAt()).isEqualTo(t.plusSeconds(5));
    });
    assertThat(repository().countFiles(alice)).isEqualTo(1);
  }

  @Test
  void filesAreListedNewestFirstInPages() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    unitOfWork().run(() -> {
      repository().saveFile(file(alice, "/old.md", ContentType.MARKDOWN, t));
      repository().saveFile(file(alice, "/new.md", ContentType.MARKDOWN, t.plusSeconds(60)));
      repository().saveFile(file(bob, "/bob.md", ContentType.MARKDOWN, t.plusSeconds(120)));
    });

    assertThat(repository().listFiles(alice, 0, 10))
        .extracting(IndexedFile::name)
        .containsExactly("/new.md", "/old.md");
    assertThat(repository().listFiles(alice, 1, 1))
        .extracting(IndexedFile::name)
        .containsExactly("/old.md");
    assertThat(repository().countFiles(alice)).isEqualTo(2);
  }

  @Test
  void typesSourcesAndSizesAreThoseOfTheOwner() {
    insert(
        alice,
        md("/a.md", "abc"),
        chunk("/o.org", "org text", ContentType.ORG, ContentSource.COMPUTER),
        chunk(
            "https://github.com/x/y/blob/main/r.md",
            "gh",
            ContentType.GITHUB,
            ContentSource.GITHUB));
    insert(bob, chunk("/p.pdf", "pdf", ContentType.PDF, ContentSource.COMPUTER));

    assertThat(repository().contentTypes(alice))
        .containsExactlyInAnyOrder(ContentType.MARKDOWN, ContentType.ORG, ContentType.GITHUB);
    assertThat(repository().filePathsOfSource(alice, ContentSource.COMPUTER))
        .containsExactly("/a.md", "/o.org");
    assertThat(repository().filePathsOfSource(alice, ContentSource.GITHUB)).hasSize(1);
  }

  @Test
  void theIndexedSizeIsTheSumOfTheOwnersFileRecords() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    unitOfWork().run(() -> {
      repository().saveFile(file(alice, "/a.md", ContentType.MARKDOWN, t));
      repository().saveFile(file(alice, "/b.org", ContentType.ORG, t));
      repository().saveFile(file(bob, "/a.md", ContentType.MARKDOWN, t));
    });
    assertThat(repository().indexedBytes(alice)).isEqualTo(7 + 7);
    assertThat(repository().findFile(alice, "/a.md").orElseThrow().indexedBytes())
        .isEqualTo(7);

    IndexedFile smaller = new IndexedFile(
        UUID.randomUUID(),
        alice,
        "/a.md",
        ContentType.MARKDOWN,
        ContentSource.COMPUTER,
        "a",
        1,
        2,
        t);
    unitOfWork().run(() -> repository().saveFile(smaller));
    assertThat(repository().indexedBytes(alice)).isEqualTo(2 + 7);

    unitOfWork().run(() -> repository().deleteFile(alice, "/b.org"));
    assertThat(repository().indexedBytes(alice)).isEqualTo(2);
    assertThat(repository().indexedBytes(bob)).isEqualTo(7);
    assertThat(repository().indexedBytes(new UserId(UUID.randomUUID()))).isZero();
  }

  @Test
  void deletingByTypeSourceOrAllStaysWithTheOwner() {
    insert(
        alice,
        md("/a.md", "a"),
        chunk("/o.org", "o", ContentType.ORG, ContentSource.COMPUTER),
        chunk("https://n/1", "n", ContentType.NOTION, ContentSource.NOTION));
    insert(bob, md("/a.md", "a"));

    unitOfWork().run(() -> repository().deleteType(alice, ContentType.MARKDOWN));
    assertThat(repository().contentTypes(alice))
        .containsExactlyInAnyOrder(ContentType.ORG, ContentType.NOTION);

    unitOfWork().run(() -> repository().deleteSource(alice, ContentSource.NOTION));
    assertThat(repository().contentTypes(alice)).containsExactly(ContentType.ORG);

    unitOfWork().run(() -> repository().deleteAll(alice));
    assertThat(repository().hasEntries(alice)).isFalse();
    assertThat(repository().contentTypes(bob)).containsExactly(ContentType.MARKDOWN);
  }

  @Test
  void fileNamesOfATypeIncludeFilesWithRecords() {
    insert(alice, md("/a.md", "a"));
    unitOfWork()
        .run(() ->
            repository().saveFile(file(alice, "/empty.md", ContentType.MARKDOWN, Instant.now())));

    assertThat(repository().fileNames(alice, ContentType.MARKDOWN))
        .containsExactlyInAnyOrder("/a.md", "/empty.md");
    assertThat(repository().fileNames(bob, ContentType.MARKDOWN)).isEmpty();
  }
}
