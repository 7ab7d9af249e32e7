package io.khoj4j.adapter.web.in.content;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.read;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.adapter.web.Upload;
import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.connector.SyncConnectorsCommand;
import io.khoj4j.application.port.in.connector.SyncReport;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.DeleteContentCommand;
import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.IndexContentResult;
import io.khoj4j.application.port.in.content.ListRefusedFilesQuery;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.content.SyncMode;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.usage.ReleaseUploadUseCase;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.content.RefusedFile;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slice test of {@link ContentResource}: uploads (echo, refusals before the core, quota), listing, viewing and
 * deleting files, with every use case a lambda that records what it was handed.
 */
class ContentResourceTest {

  private static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456Z");
  private static final String MULTIPART = "multipart/form-data; boundary=xyz";
  private static final IndexedFile TEA = new IndexedFile(
      UUID.fromString("00000000-0000-0000-0000-0000000000d1"),
      ALICE,
      "/notes/tea.md",
      ContentType.MARKDOWN,
      ContentSource.COMPUTER,
      "# Tea",
      5,
      5,
      AT);

  @TempDir
  Path dir;

  private final List<Object> received = new ArrayList<>();
  private SyncReport report = new SyncReport(Map.of());
  private boolean overQuota;

  private final QueryContentUseCase query = new RecordingContentQueries(received, TEA);

  private final ContentResource resource = resource(32L << 20);

  /** The resource over recording use cases, reading uploads in batches of at most {@code batchBytes}. */
  private ContentResource resource(long batchBytes) {
    return new ContentResource(
        alice(),
        c -> {
          received.add(c);
          return new IndexContentResult(
              c.files().stream()
                  .map(UploadedFile::name)
                  .filter(n -> !n.endsWith(".exe"))
                  .toList(),
              List.of(),
              1,
              0,
              1);
        },
        query,
        c -> {
          received.add(c);
          return 4;
        },
        q -> {
          received.add(q);
          return List.of(new RefusedFile(ALICE, "/bin/tool.exe", "unsupported file type", AT));
        },
        c -> {
          received.add(c);
          if (overQuota) {
            throw new QuotaExceededException("Upload exceeds your plan's limit");
          }
        },
        c -> received.add(c),
        c -> {
          received.add(c);
          return report;
        },
        new MemorySize(java.math.BigInteger.valueOf(batchBytes)));
  }

  @Test
  void anUploadEchoesTheAcceptedNamesExactlyAsReceivedAndIndexesForTheCaller() {
    FileUpload tea =
        Upload.of(dir, "/notes/tea, green.md", "text/markdown", "# Tea").withCharSet("utf-8");
    FileUpload tool = Upload.of(dir, "/bin/tool.exe", "application/octet-stream", "MZ");

    Response response = resource.sync(List.of(tea, tool), "markdown", MULTIPART, "40", null);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getEntity()).isEqualTo("/notes/tea, green.md");
    IndexContentCommand command = only(IndexContentCommand.class);
    assertThat(command.owner()).isEqualTo(ALICE);
    assertThat(command.mode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(command.onlyType()).contains(ContentType.MARKDOWN);
    assertThat(command.files())
        .extracting(UploadedFile::name, UploadedFile::contentType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/notes/tea, green.md", "text/markdown; charset=utf-8"),
            org.assertj.core.groups.Tuple.tuple("/bin/tool.exe", "application/octet-stream"));
    assertThat(new String(command.files().getFirst().content(), StandardCharsets.UTF_8))
        .isEqualTo("# Tea");
  }

  @Test
  void aLargeUploadIsReadAndIndexedInBatchesOfBoundedBytesAsOneRequest() {
    ContentResource tenBytes = resource(10);
    FileUpload a = Upload.of(dir, "a.md", "text/markdown", "# 3456");
    FileUpload b = Upload.of(dir, "b.md", "text/markdown", "# 34");
    FileUpload tool = Upload.of(dir, "tool.exe", "application/octet-stream", "MZ");
    FileUpload big = Upload.of(dir, "big.org", "text/org", "* 3456789012");

    Response response = tenBytes.regenerate(List.of(a, b, tool, big), null, MULTIPART, "99", null);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getEntity())
        .as("one echo, in the order sent")
        .isEqualTo("a.md,b.md,big.org");
    List<IndexContentCommand> calls = received.stream()
        .filter(IndexContentCommand.class::isInstance)
        .map(IndexContentCommand.class::cast)
        .toList();
    assertThat(calls)
        .extracting(c -> c.files().stream().map(UploadedFile::name).toList())
        .as("10 bytes at most, a larger file alone")
        .containsExactly(List.of("a.md", "b.md"), List.of("tool.exe"), List.of("big.org"));
    assertThat(calls).allSatisfy(c -> {
      assertThat(c.mode()).isEqualTo(SyncMode.REGENERATE);
      assertThat(c.whole())
          .isEqualTo(new IndexContentCommand.WholeUpload(
              java.util.Set.of("a.md", "b.md", "tool.exe", "big.org"), 24));
    });
    assertThat(only(AdmitUsageCommand.Upload.class).bytes()).isEqualTo(24);
    assertThat(only(ReleaseUploadUseCase.ReleaseUploadCommand.class).user()).isEqualTo(ALICE);
  }

  @Test
  void anUploadReservesItsBytesForTheCallerAndReleasesThemAfterIndexing() {
    resource.regenerate(
        List.of(Upload.of(dir, "a.org", "text/org", "* A")), null, MULTIPART, "10", null);

    AdmitUsageCommand.Upload admitted = only(AdmitUsageCommand.Upload.class);
    assertThat(admitted.user()).isEqualTo(ALICE);
    assertThat(admitted.bytes()).isEqualTo(3);
    assertThat(only(IndexContentCommand.class).mode()).isEqualTo(SyncMode.REGENERATE);
    assertThat(only(ReleaseUploadUseCase.ReleaseUploadCommand.class))
        .isEqualTo(new ReleaseUploadUseCase.ReleaseUploadCommand(ALICE, admitted.uploadId()));
  }

  @Test
  void aFilePartWithoutANameReachesTheCoreWithAnEmptyName() {
    resource.sync(List.of(Upload.of(dir, null, "text/plain", "x")), null, MULTIPART, "1", null);

    assertThat(only(IndexContentCommand.class).files())
        .extracting(UploadedFile::name)
        .containsExactly("");
  }

  @Test
  void moreThanAThousandFilesIsA400AndNothingIsAdmittedOrIndexed() {
    FileUpload one = Upload.of(dir, "a.md", "text/markdown", "a");
    List<FileUpload> many = Collections.nCopies(ContentResource.MAX_FILES + 1, one);

    Response response = resource.sync(many, null, MULTIPART, "1", null);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(json(response.getEntity()))
        .isEqualTo("{\"detail\":\"Too many files. Maximum number of files is 1000.\"}");
    assertThat(received).isEmpty();
  }

  @Test
  void anUnknownTypeIsAValidationErrorBeforeAnythingIsAdmitted() {
    FileUpload one = Upload.of(dir, "a.md", "text/markdown", "a");

    assertThat(rejects(
                () -> resource.sync(List.of(one), "spreadsheet", MULTIPART, "1", null),
                "query",
                "t")
            .input())
        .isEqualTo("spreadsheet");
    assertThat(received).isEmpty();
  }

  @Test
  void multipartWithoutABoundaryOrAnotherBodyIs415AndNothingHappens() {
    FileUpload one = Upload.of(dir, "a.md", "text/markdown", "a");

    Response noBoundary = resource.regenerate(List.of(one), null, "multipart/form-data", "1", null);
    Response jsonBody = resource.regenerateNothing(null, "application/json", "2", null);
    Response chunked = resource.syncNothing(null, null, null, "chunked");

    assertThat(List.of(noBoundary.getStatus(), jsonBody.getStatus(), chunked.getStatus()))
        .containsOnly(415);
    assertThat(json(jsonBody.getEntity()))
        .startsWith("{\"detail\":\"Send files as multipart/form-data");
    assertThat(received).isEmpty();
  }

  @Test
  void anUploadOverTheQuotaIsTheCoresRefusalAndNothingIsIndexed() {
    overQuota = true;

    assertThatThrownBy(() -> resource.sync(
            List.of(Upload.of(dir, "a.md", "text/markdown", "a")), null, MULTIPART, "1", null))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(received)
        .noneMatch(IndexContentCommand.class::isInstance)
        .noneMatch(ReleaseUploadUseCase.ReleaseUploadCommand.class::isInstance);
  }

  @Test
  void anEmptyBodySyncsTheCallersConnectorsAndAFailureIsA500WithTheReason() {
    Response ok = resource.regenerateNothing("github", null, "0", null);
    Response webApp = resource.syncNothing("notion", "application/json", "0", null);

    assertThat(List.of(ok.getStatus(), webApp.getStatus())).containsOnly(200);
    assertThat(ok.getEntity()).isEqualTo("");
    assertThat(received)
        .containsExactly(
            new SyncConnectorsCommand(ALICE, EnumSet.of(ContentSource.GITHUB)),
            new SyncConnectorsCommand(ALICE, EnumSet.of(ContentSource.NOTION)));

    report = new SyncReport(
        Map.of(ContentSource.NOTION, new SyncReport.Outcome.Failed("token revoked")));
    Response failed = resource.syncNothing(null, null, null, null);
    assertThat(failed.getStatus()).isEqualTo(500);
    assertThat(json(failed.getEntity()))
        .isEqualTo("{\"detail\":\"Failed to sync: notion: token revoked\"}");
  }

  @Test
  void typesListsAllAndTheCallersTypesSorted() {
    assertThat(json(resource.types())).isEqualTo("[\"all\",\"markdown\",\"pdf\"]");
    assertThat(received).containsExactly(new ContentQuery.Types(ALICE));
  }

  @Test
  void filesIsKhojsPageWithPythonDatesAndTheRefusedFiles() {
    ContentResource.FilesResponse body = resource.files("false", "2");

    assertThat(json(body))
        .isEqualTo(
            "{\"files\":[{\"file_name\":\"/notes/tea.md\",\"raw_text\":\"# Tea\","
                + "\"updated_at\":\"2026-01-02 03:04:05.123456+00:00\"}],\"num_pages\":3,\"refused\":[{\"file_name\":"
                + "\"/bin/tool.exe\",\"reason\":\"unsupported file type\",\"refused_at\":\"2026-01-02 03:04:05.123456+00:00\"}]}");
    assertThat(received)
        .containsExactly(
            new ContentQuery.Files(ALICE, 2, 10, false), new ListRefusedFilesQuery(ALICE));
  }

  @Test
  void filesRefusesANegativeOrNonNumericPageAndABadFlag() {
    rejects(() -> resource.files(null, "-1"), "query", "page");
    rejects(() -> resource.files(null, "two"), "query", "page");
    rejects(() -> resource.files("sometimes", null), "query", "truncated");
    assertThat(received).isEmpty();
  }

  @Test
  void oneFileIsShownByNameAndTheNameIsRequired() {
    assertThat(json(resource.file("/notes/tea.md")))
        .isEqualTo(
            "{\"id\":\"00000000-0000-0000-0000-0000000000d1\",\"file_name\":\"/notes/tea.md\",\"raw_text\":\"# Tea\"}");
    assertThat(received).containsExactly(new ContentQuery.File(ALICE, "/notes/tea.md"));

    rejects(() -> resource.file(null), "query", "file_name");
  }

  @Test
  void deletingOneFileIsA201OkForTheCallersFile() {
    Response response = resource.deleteFile("/notes/tea.md");

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(json(response.getEntity())).isEqualTo("{\"status\":\"ok\"}");
    assertThat(received)
        .containsExactly(
            new DeleteContentCommand(ALICE, new DeleteContentCommand.File("/notes/tea.md")));
    rejects(() -> resource.deleteFile(""), "query", "filename");
  }

  @Test
  void deletingSeveralFilesCountsTheEntriesAndRefusesAMissingOrNullName() {
    Response response = resource.deleteFiles(
        read("{\"files\":[\"a.md\",\"b.md\"]}", ContentResource.DeleteFilesRequest.class));

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(json(response.getEntity())).isEqualTo("{\"status\":\"ok\",\"deleted_count\":4}");
    assertThat(received)
        .containsExactly(new DeleteContentCommand(
            ALICE, new DeleteContentCommand.Files(List.of("a.md", "b.md"))));

    received.clear();
    rejects(() -> resource.deleteFiles(null), "body", "files");
    rejects(
        () -> resource.deleteFiles(read("{}", ContentResource.DeleteFilesRequest.class)),
        "body",
        "files");
    rejects(
        () -> resource.deleteFiles(
            read("{\"files\":[\"a.md\",null]}", ContentResource.DeleteFilesRequest.class)),
        "body",
        "files");
    assertThat(received).isEmpty();
  }

  @Test
  void deletingByTypeOrSourceNamesTheCallerAndRefusesUnknownNames() {
    assertThat(json(resource.deleteType("all"))).isEqualTo("{\"status\":\"ok\"}");
    resource.deleteType("Notion");
    resource.deleteSource("github");

    assertThat(received)
        .containsExactly(
            new DeleteContentCommand(ALICE, new DeleteContentCommand.Type(Optional.empty())),
            new DeleteContentCommand(
                ALICE, new DeleteContentCommand.Type(Optional.of(ContentType.NOTION))),
            new DeleteContentCommand(ALICE, new DeleteContentCommand.Source(ContentSource.GITHUB)));

    received.clear();
    rejects(() -> resource.deleteType("spreadsheet"), "path", "content_type");
    rejects(() -> resource.deleteSource("dropbox"), "path", "content_source");
    assertThat(received).isEmpty();
  }

  @Test
  void sizeRoundsUpToWholeMegabytes() {
    assertThat(json(resource.size())).isEqualTo("{\"indexed_data_size_in_mb\":2}");
    assertThat(received).containsExactly(new ContentQuery.IndexedBytes(ALICE));
  }

  @Test
  void sourceFilesListsTheCallersPathsAndAnUnknownSourceIsAnEmptyArray() {
    assertThat(resource.sourceFiles("computer")).containsExactly("/notes/tea.md");
    assertThat(resource.sourceFiles("dropbox")).isEmpty();
    assertThat(received)
        .containsExactly(new ContentQuery.SourceFiles(ALICE, ContentSource.COMPUTER));
  }

  private <T> T only(Class<T> type) {
    List<T> found = received.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).hasSize(1);
    return found.getFirst();
  }
}
