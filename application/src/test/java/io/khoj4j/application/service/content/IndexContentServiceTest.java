package io.khoj4j.application.service.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.content.ConnectorRemovedException;
import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.IndexContentResult;
import io.khoj4j.application.port.in.content.ListRefusedFilesQuery;
import io.khoj4j.application.port.in.content.SyncMode;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.connector.InMemoryConnectorRepository;
import io.khoj4j.application.port.out.content.FakeDocumentReader;
import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.application.port.out.content.InMemoryRefusedFileRepository;
import io.khoj4j.application.port.out.content.IndexingMetrics;
import io.khoj4j.application.port.out.embedding.FakeEmbeddingModel;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.RefusedFile;
import io.khoj4j.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IndexContentServiceTest {

  private final InMemoryEntryRepository entries = new InMemoryEntryRepository();
  private final InMemoryRefusedFileRepository refused = new InMemoryRefusedFileRepository();
  private final FakeEmbeddingModel embeddings = new FakeEmbeddingModel();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final InMemoryConnectorRepository connectors = new InMemoryConnectorRepository();
  private final IndexingLimits limits = new IndexingLimits(1_000_000, 100_000, 0, 256, 8);
  private final IndexContentService service = service(limits);
  private final UserId alice = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());

  private IndexContentService service(IndexingLimits l) {
    return new IndexContentService(
        entries,
        refused,
        embeddings,
        new FakeDocumentReader(),
        unitOfWork,
        new SequentialIdGenerator(),
        new MutableClock(Instant.parse("2026-02-02T00:00:00Z")),
        l,
        IndexingMetrics.NONE,
        connectors);
  }

  private static UploadedFile file(String name, String type, String text) {
    return new UploadedFile(name, type, text.getBytes(StandardCharsets.UTF_8));
  }

  private IndexContentResult patch(UserId owner, UploadedFile... files) {
    return service.index(
        new IndexContentCommand(owner, List.of(files), SyncMode.INCREMENTAL, Optional.empty()));
  }

  @Test
  void aConnectorsSyncWritesItsFilesOnlyWhileTheConnectorIsSetUp() {
    UploadedFile page = file("https://notion.so/Plans-1", "text/markdown", "# Plans\nship it");
    assertThatThrownBy(() -> service.index(
            IndexContentCommand.whileConnected(alice, List.of(page), ContentSource.NOTION)))
        .isInstanceOf(ConnectorRemovedException.class)
        .hasMessage("notion was removed while it was syncing");
    assertThat(entries.rows()).isEmpty();
    assertThat(entries.findFile(alice, page.name())).isEmpty();

    connectors.saveNotion(alice, Optional.empty()); // a connection without a token still holds
    IndexContentResult result = service.index(
        IndexContentCommand.whileConnected(alice, List.of(page), ContentSource.NOTION));

    assertThat(result.accepted()).containsExactly(page.name());
    assertThat(entries.findFile(alice, page.name())).isPresent();
    assertThat(connectors.hasConnector(bob, ContentSource.NOTION)).isFalse();
    assertThatThrownBy(() -> service.index(
            IndexContentCommand.whileConnected(bob, List.of(page), ContentSource.NOTION)))
        .as("alice's connector holds nothing for bob")
        .isInstanceOf(ConnectorRemovedException.class);
  }

  @Test
  void anImportWritesAConnectorsFilesWithoutTheConnectorAndAClientsUploadCannotAskForOne() {
    UploadedFile page = file("https://notion.so/Plans-1", "text/markdown", "# Plans\nship it");
    service.index(new IndexContentCommand(
        alice, List.of(page), SyncMode.INCREMENTAL, Optional.empty(), ContentSource.NOTION));

    assertThat(entries.findFile(alice, page.name())).isPresent();
    assertThatThrownBy(
            () -> IndexContentCommand.whileConnected(alice, List.of(page), ContentSource.COMPUTER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void echoesAcceptedNamesExactlyAsReceivedInOrder() {
    IndexContentResult result = patch(
        alice,
        file("/home/ä/notes/b.md", "text/markdown", "# B\nbody"),
        file("rel/a.org", "text/org", "* A\nbody"),
        file("c.txt", "text/plain", "plain"));

    assertThat(result.accepted()).containsExactly("/home/ä/notes/b.md", "rel/a.org", "c.txt");
    assertThat(entries.contentTypes(alice))
        .containsExactlyInAnyOrder(ContentType.MARKDOWN, ContentType.ORG, ContentType.PLAINTEXT);
    assertThat(entries.findFile(alice, "rel/a.org")).isPresent();
  }

  @Test
  void reuploadingUnchangedFilesEmbedsAndWritesNothing() {
    patch(alice, file("a.md", "text/markdown", "# A\none two three"));
    int embeddedBefore = embeddings.embeddedCount();
    int transactionsBefore = unitOfWork.transactions();
    var fileBefore = entries.findFile(alice, "a.md").orElseThrow();

    IndexContentResult again = patch(alice, file("a.md", "text/markdown", "# A\none two three"));

    assertThat(again.accepted()).containsExactly("a.md");
    assertThat(again.chunksAdded()).isZero();
    assertThat(again.chunksDeleted()).isZero();
    assertThat(embeddings.embeddedCount()).isEqualTo(embeddedBefore);
    assertThat(entries.findFile(alice, "a.md")).contains(fileBefore);
    assertThat(unitOfWork.transactions()).isEqualTo(transactionsBefore + 1);
  }

  @Test
  void vectorsTheCommandBringsAreStoredInsteadOfEmbeddingTheirText() {
    String text = String.join(" ", java.util.Collections.nCopies(200, "tomato")) + "\n\n"
        + String.join(" ", java.util.Collections.nCopies(200, "basil"));
    patch(bob, file("garden.txt", "text/plain", text)); // bob's copy shows the pieces' texts
    List<String> pieces =
        entries.rows().stream().map(r -> r.chunk().chunk().compiled()).toList();
    assertThat(pieces).hasSize(2);
    int embeddedBefore = embeddings.embeddedCount();
    float[] known = new float[FakeEmbeddingModel.DIMENSION];
    known[3] = 1;

    IndexContentResult result = service.index(new IndexContentCommand(
        alice,
        List.of(file("garden.txt", "text/plain", text)),
        SyncMode.INCREMENTAL,
        Optional.empty(),
        ContentSource.COMPUTER,
        java.util.Map.of(
            ContentHash.of(pieces.get(0)), known, ContentHash.of("another text"), known)));

    assertThat(result.chunksAdded()).isEqualTo(2);
    assertThat(result.chunksReused()).isEqualTo(1);
    assertThat(result.chunksEmbedded()).isEqualTo(1);
    assertThat(embeddings.embeddedCount()).isEqualTo(embeddedBefore + 1);
    assertThat(entries.rows().stream().filter(r -> r.owner().equals(alice)))
        .extracting(r -> r.chunk().chunk().compiled(), r -> r.chunk().embedding())
        .containsExactlyInAnyOrder(
            tuple(pieces.get(0), known),
            tuple(pieces.get(1), FakeEmbeddingModel.vector(pieces.get(1))));
  }

  @Test
  void editedFileReplacesOnlyItsChangedChunks() {
    String para = String.join(" ", java.util.Collections.nCopies(200, "word"));
    patch(alice, file("a.txt", "text/plain", para + "\n\n" + para.replace("word", "other")));
    int embeddedBefore = embeddings.embeddedCount();

    IndexContentResult result =
        patch(alice, file("a.txt", "text/plain", para + "\n\n" + para.replace("word", "new")));

    assertThat(result.chunksAdded()).isEqualTo(1);
    assertThat(result.chunksDeleted()).isEqualTo(1);
    assertThat(embeddings.embeddedCount()).isEqualTo(embeddedBefore + 1);
    assertThat(entries.rows()).hasSize(2);
  }

  @Test
  void anEmptyPartDeletesThatFile() {
    patch(alice, file("a.md", "text/markdown", "# A\nx"), file("b.md", "text/markdown", "# B\ny"));

    IndexContentResult result = patch(alice, new UploadedFile("a.md", null, new byte[0]));

    assertThat(result.accepted()).containsExactly("a.md");
    assertThat(entries.hashesOf(alice, "a.md")).isEmpty();
    assertThat(entries.findFile(alice, "a.md")).isEmpty();
    assertThat(entries.hashesOf(alice, "b.md")).isNotEmpty();
  }

  @Test
  void regenerateRemovesOtherFilesOfTheUploadedTypesOnly() {
    patch(
        alice,
        file("old.md", "text/markdown", "# Old\nx"),
        file("keep.org", "text/org", "* K\nbody"),
        file("same.md", "text/markdown", "# Same\ny"));
    int embeddedBefore = embeddings.embeddedCount();

    IndexContentResult result = service.index(new IndexContentCommand(
        alice,
        List.of(
            file("same.md", "text/markdown", "# Same\ny"),
            file("new.md", "text/markdown", "# New\nz")),
        SyncMode.REGENERATE,
        Optional.empty()));

    assertThat(result.accepted()).containsExactly("same.md", "new.md");
    assertThat(entries.fileNames(alice, ContentType.MARKDOWN))
        .containsExactlyInAnyOrder("same.md", "new.md");
    assertThat(entries.fileNames(alice, ContentType.ORG)).containsExactly("keep.org");
    assertThat(embeddings.embeddedCount()).isEqualTo(embeddedBefore + 1);
  }

  @Test
  void aRegenerationInPartsKeepsWhatAnyPartNamesAndRemovesTheRestOfEachPartsTypes() {
    patch(
        alice,
        file("old.md", "text/markdown", "# Old\nx"),
        file("later.md", "text/markdown", "# Later\nw"),
        file("old.org", "text/org", "* Old\nv"),
        file("kept.txt", "text/plain", "kept"));
    UploadedFile first = file("new.md", "text/markdown", "# New\nz");
    UploadedFile second = file("later.md", "text/markdown", "# Later\nw");
    UploadedFile third = file("new.org", "text/org", "* New\nu");
    IndexContentCommand.WholeUpload whole =
        IndexContentCommand.WholeUpload.of(List.of(first, second, third));

    for (UploadedFile part : List.of(first, second, third)) {
      service.index(
          new IndexContentCommand(alice, List.of(part), SyncMode.REGENERATE, Optional.empty())
              .partOf(whole));
      if (part == first) {
        assertThat(entries.fileNames(alice, ContentType.MARKDOWN))
            .as("a later part's file is kept")
            .containsExactlyInAnyOrder("new.md", "later.md");
      }
    }

    assertThat(entries.fileNames(alice, ContentType.MARKDOWN))
        .containsExactlyInAnyOrder("new.md", "later.md");
    assertThat(entries.fileNames(alice, ContentType.ORG)).containsExactly("new.org");
    assertThat(entries.fileNames(alice, ContentType.PLAINTEXT))
        .as("a type no part sent")
        .containsExactly("kept.txt");
  }

  @Test
  void aPartOfARequestOverTheLimitIsRefusedLikeTheWholeRequest() {
    IndexContentService small = service(new IndexingLimits(10, 10, 0, 256, 8));
    UploadedFile part = file("a.md", "text/markdown", "# A");

    assertThatThrownBy(() -> small.index(
            new IndexContentCommand(alice, List.of(part), SyncMode.INCREMENTAL, Optional.empty())
                .partOf(new IndexContentCommand.WholeUpload(java.util.Set.of("a.md", "b.md"), 11))))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(entries.hasEntries(alice)).isFalse();
    assertThatThrownBy(() -> new IndexContentCommand(
                alice, List.of(part), SyncMode.INCREMENTAL, Optional.empty())
            .partOf(new IndexContentCommand.WholeUpload(java.util.Set.of("b.md"), 11)))
        .as("the whole holds its parts")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badFilesAreRejectedWithAReasonAndTheRestIsIndexed() {
    byte[] invalidUtf8 = {'h', 'i', (byte) 0xC3, (byte) 0x28};
    IndexContentResult result = patch(
        alice,
        file("good.md", "text/markdown", "# Good\nfine"),
        new UploadedFile("bad.md", "text/markdown", invalidUtf8),
        file("bin.txt", "text/plain", "a\u0000b"),
        file("../escape.md", "text/markdown", "# X\ny"),
        file("ctl\u0007.md", "text/markdown", "# X\ny"),
        file("broken.pdf", "application/pdf", "%BROKEN"),
        new UploadedFile("blob.bin", "application/octet-stream", new byte[] {0, 1, 2, 0}));

    assertThat(result.accepted()).containsExactly("good.md");
    assertThat(result.rejected())
        .extracting(r -> r.name())
        .containsExactly(
            "bad.md", "bin.txt", "../escape.md", "ctl\u0007.md", "broken.pdf", "blob.bin");
    assertThat(result.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    assertThat(entries.hasEntries(alice)).isTrue();
  }

  @Test
  void refusedFilesAreRecordedWithTheirReasonsForTheirOwnerOnly() {
    patch(
        alice,
        file("good.md", "text/markdown", "# Good\nfine"),
        file("broken.pdf", "application/pdf", "%BROKEN"));

    assertThat(refused.list(alice, 10))
        .containsExactly(new RefusedFile(
            alice, "broken.pdf", "not a PDF", Instant.parse("2026-02-02T00:00:00Z")));
    assertThat(refused.list(bob, 10)).isEmpty();
  }

  @Test
  void aRefusedFileIndexedOrDeletedLaterIsNoLongerListedAsRefused() {
    patch(
        alice,
        file("a.pdf", "application/pdf", "%BROKEN"),
        file("b.pdf", "application/pdf", "%BROKEN"));

    patch(
        alice,
        file("a.pdf", "application/pdf", "%PDFfixed"),
        new UploadedFile("b.pdf", "application/pdf", new byte[0]));

    assertThat(refused.list(alice, 10)).isEmpty();
  }

  @Test
  void anUploadReadsItsFilesStoredChunksAndEarlierRefusalsOnceAndForgetsOnlyRealRefusals() {
    patch(
        alice,
        file("a.md", "text/markdown", "# A\nbody"),
        file("b.md", "text/markdown", "# B\nbody"),
        file("c.pdf", "application/pdf", "%BROKEN"));
    assertThat(entries.manyFileHashReads).isEqualTo(1);
    assertThat(entries.fileHashReads).isEqualTo(2); // one per file, under its lock
    assertThat(refused.refusedAmongReads).isEqualTo(1);
    assertThat(refused.forgetCalls).isZero();

    patch(
        alice,
        file("a.md", "text/markdown", "# A\nbody changed"),
        file("c.pdf", "application/pdf", "%PDFfixed"));

    assertThat(entries.manyFileHashReads).isEqualTo(2);
    assertThat(refused.refusedAmongReads).isEqualTo(2);
    assertThat(refused.forgetCalls).isEqualTo(1); // c.pdf's refusal, in its own transaction
    assertThat(refused.list(alice, 10)).isEmpty();
  }

  @Test
  void onlyTheNewestRefusalsAreKept() {
    List<UploadedFile> bad = new java.util.ArrayList<>();
    for (int i = 0; i < ListRefusedFilesService.KEPT_PER_USER + 5; i++) {
      bad.add(file("bad" + i + ".pdf", "application/pdf", "%BROKEN"));
    }
    patch(alice, bad.toArray(UploadedFile[]::new));

    assertThat(refused.list(alice, 1000)).hasSize(ListRefusedFilesService.KEPT_PER_USER);
    assertThat(new ListRefusedFilesService(refused).list(new ListRefusedFilesQuery(alice)))
        .hasSize(ListRefusedFilesService.KEPT_PER_USER);
  }

  @Test
  void aRejectedReuploadLeavesTheIndexedVersionAlone() {
    patch(alice, file("doc.pdf", "application/pdf", "%PDFpage one\fpage two"));
    var before = entries.hashesOf(alice, "doc.pdf");

    patch(alice, file("doc.pdf", "application/pdf", "%BROKEN"));

    assertThat(entries.hashesOf(alice, "doc.pdf")).isEqualTo(before).hasSize(2);
  }

  @Test
  void pdfPagesBecomeSectionsAndTheFileTextHasPageMarkers() {
    patch(alice, file("doc.pdf", "application/pdf", "%PDFfirst page\fsecond page"));

    assertThat(entries.rows())
        .extracting(r -> r.chunk().chunk().compiled())
        .containsExactlyInAnyOrder("doc.pdf\nfirst page", "doc.pdf\nsecond page");
    assertThat(entries.findFile(alice, "doc.pdf").orElseThrow().rawText())
        .isEqualTo("Page 1 of doc.pdf:\n\nfirst page\n\nPage 2 of doc.pdf:\n\nsecond page");
  }

  @Test
  void aDocumentWithoutTextIsAcceptedAndHasNoEntries() {
    patch(alice, file("scan.pdf", "application/pdf", "%PDFold text"));

    IndexContentResult result = patch(alice, file("scan.pdf", "application/pdf", "%PDF  \f "));

    assertThat(result.accepted()).containsExactly("scan.pdf");
    assertThat(entries.hashesOf(alice, "scan.pdf")).isEmpty();
    assertThat(entries.findFile(alice, "scan.pdf")).isPresent();
  }

  @Test
  void theTypeFilterSkipsOtherTypes() {
    IndexContentResult result = service.index(new IndexContentCommand(
        alice,
        List.of(file("a.md", "text/markdown", "# A\nx"), file("b.org", "text/org", "* B\ny")),
        SyncMode.INCREMENTAL,
        Optional.of(ContentType.ORG)));

    assertThat(result.accepted()).containsExactly("b.org");
  }

  @Test
  void contentTypeIsSniffedWhenMissing() {
    patch(
        alice,
        file("notes.md", null, "# Title\nbody"),
        file("x.pdf", null, "%PDFpage"),
        file("readme", "application/octet-stream", "just text"));

    assertThat(entries.contentTypes(alice))
        .containsExactlyInAnyOrder(ContentType.MARKDOWN, ContentType.PDF, ContentType.PLAINTEXT);
  }

  @Test
  void aFilesRecordCarriesTheUtf8SizeOfItsStoredChunksAndFollowsTheirChanges() {
    String body = String.join(" ", java.util.Collections.nCopies(300, "crème brûlée"));
    patch(
        alice,
        file("d.md", "text/markdown", "# Dessert\n" + body),
        file("e.md", "text/markdown", "# E\nshort"));

    assertThat(entries.rows().stream().filter(r -> r.file().equals("d.md")).count())
        .as("the text spans several chunks")
        .isGreaterThan(1);
    assertThat(entries.findFile(alice, "d.md").orElseThrow().indexedBytes())
        .isEqualTo(storedBytes(alice, "d.md"))
        .as("bytes, not characters")
        .isGreaterThan(entries.rows().stream()
            .filter(r -> r.file().equals("d.md"))
            .mapToLong(r -> r.chunk().chunk().compiled().length())
            .sum());
    assertThat(entries.indexedBytes(alice))
        .isEqualTo(storedBytes(alice, "d.md") + storedBytes(alice, "e.md"));

    patch(alice, file("d.md", "text/markdown", "# Dessert\nnone left"));
    assertThat(entries.findFile(alice, "d.md").orElseThrow().indexedBytes())
        .isEqualTo(storedBytes(alice, "d.md"));
  }

  private long storedBytes(UserId owner, String file) {
    return entries.rows().stream()
        .filter(r -> r.owner().equals(owner) && r.file().equals(file))
        .mapToLong(r -> r.chunk().chunk().compiled().getBytes(StandardCharsets.UTF_8).length)
        .sum();
  }

  @Test
  void declaredCharsetIsHonoured() {
    byte[] latin1 = "# Caf\u00e9\nna\u00efve".getBytes(StandardCharsets.ISO_8859_1);
    patch(alice, new UploadedFile("l.md", "text/markdown; charset=ISO-8859-1", latin1));

    assertThat(entries.findFile(alice, "l.md").orElseThrow().rawText()).isEqualTo("# Café\nnaïve");
  }

  @Test
  void requestsOverTheLimitAreRefusedWhole() {
    IndexContentService small = service(new IndexingLimits(10, 10, 0, 256, 8));

    assertThatThrownBy(() -> small.index(new IndexContentCommand(
            alice,
            List.of(file("a.md", "text/markdown", "# way more than ten bytes")),
            SyncMode.INCREMENTAL,
            Optional.empty())))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(entries.hasEntries(alice)).isFalse();
  }

  @Test
  void aFileOverTheFileLimitIsSkipped() {
    IndexContentService small = service(new IndexingLimits(1000, 20, 0, 256, 8));
    byte[] big = new byte[30];
    Arrays.fill(big, (byte) 'x');

    IndexContentResult result = small.index(new IndexContentCommand(
        alice,
        List.of(
            new UploadedFile("big.txt", "text/plain", big), file("ok.txt", "text/plain", "small")),
        SyncMode.INCREMENTAL,
        Optional.empty()));

    assertThat(result.accepted()).containsExactly("ok.txt");
  }

  @Test
  void theUserQuotaCountsWhatIsAlreadyIndexed() {
    IndexContentService quota = service(new IndexingLimits(1000, 1000, 60, 256, 8));
    quota.index(new IndexContentCommand(
        alice,
        List.of(file("a.txt", "text/plain", "x".repeat(40))),
        SyncMode.INCREMENTAL,
        Optional.empty()));

    assertThatThrownBy(() -> quota.index(new IndexContentCommand(
            alice,
            List.of(file("b.txt", "text/plain", "y".repeat(30))),
            SyncMode.INCREMENTAL,
            Optional.empty())))
        .isInstanceOf(QuotaExceededException.class);
    quota.index(new IndexContentCommand(
        bob,
        List.of(file("b.txt", "text/plain", "y".repeat(30))),
        SyncMode.INCREMENTAL,
        Optional.empty()));
  }

  @Test
  void usersNeverShareEntries() {
    patch(alice, file("same.md", "text/markdown", "# Same\nx"));
    patch(bob, file("same.md", "text/markdown", "# Same\nx"));
    patch(alice, new UploadedFile("same.md", null, new byte[0]));

    assertThat(entries.hashesOf(alice, "same.md")).isEmpty();
    assertThat(entries.hashesOf(bob, "same.md")).hasSize(1);
  }

  @Test
  void datesMentionedInAChunkAreStoredWithIt() {
    patch(alice, file("d.md", "text/markdown", "# Trip\nLeaving on 2024-03-05."));

    assertThat(entries.rows().getFirst().chunk().dates())
        .containsExactly(java.time.LocalDate.of(2024, 3, 5));
  }
}
