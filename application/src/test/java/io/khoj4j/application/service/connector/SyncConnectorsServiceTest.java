package io.khoj4j.application.service.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.in.connector.ConfigureGithubCommand;
import io.khoj4j.application.port.in.connector.ConfigureNotionCommand;
import io.khoj4j.application.port.in.connector.SyncConnectorsCommand;
import io.khoj4j.application.port.in.connector.SyncReport;
import io.khoj4j.application.port.in.connector.SyncReport.Outcome;
import io.khoj4j.application.port.in.content.ConnectorRemovedException;
import io.khoj4j.application.port.in.content.DeleteContentCommand;
import io.khoj4j.application.port.in.content.DeleteContentUseCase;
import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.IndexContentResult;
import io.khoj4j.application.port.in.content.IndexContentUseCase;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.connector.ConnectorException;
import io.khoj4j.application.port.out.connector.ConnectorException.Kind;
import io.khoj4j.application.port.out.connector.ConnectorHold;
import io.khoj4j.application.port.out.connector.GithubRepositories;
import io.khoj4j.application.port.out.connector.InMemoryConnectorRepository;
import io.khoj4j.application.port.out.connector.NotionWorkspace;
import io.khoj4j.application.port.out.shared.InMemorySecretBox;
import io.khoj4j.domain.connector.GithubRepo;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sync decisions with fakes: what is read, indexed, deleted and remembered, and what a failure leaves. */
class SyncConnectorsServiceTest {

  static final Instant NOW = Instant.parse("2026-12-04T22:00:00Z");
  static final GithubRepo REPO = new GithubRepo("octo", "notes", "main");

  /** Fake GitHub: a tree per repository, blobs by SHA, a failure to throw instead when set. */
  static final class FakeGithub implements GithubRepositories {
    final Map<String, List<TreeFile>> trees = new HashMap<>();
    final Map<String, byte[]> blobs = new HashMap<>();
    final List<String> blobReads = new ArrayList<>();
    final List<Optional<String>> tokens = new ArrayList<>();
    ConnectorException treeFailure;
    ConnectorException blobFailureAfterOne;
    /** Runs as each file is read (the owner acting meanwhile, say). */
    Runnable whileReading = () -> {};

    void file(GithubRepo repo, String path, String sha, String content) {
      trees
          .computeIfAbsent(repo.name(), k -> new ArrayList<>())
          .add(new TreeFile(path, sha, content.length()));
      blobs.put(sha, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<TreeFile> files(Optional<String> token, GithubRepo repo) {
      tokens.add(token);
      if (treeFailure != null) {
        throw treeFailure;
      }
      if (!trees.containsKey(repo.name())) {
        throw new ConnectorException(Kind.NOT_FOUND, "repository or branch not found");
      }
      return List.copyOf(trees.get(repo.name()));
    }

    @Override
    public byte[] blob(Optional<String> token, GithubRepo repo, String sha) {
      whileReading.run();
      if (blobFailureAfterOne != null && !blobReads.isEmpty()) {
        throw blobFailureAfterOne;
      }
      blobReads.add(sha);
      return blobs.get(sha);
    }
  }

  static final class FakeNotion implements NotionWorkspace {
    final List<Page> pages = new ArrayList<>();
    final Map<String, List<Block>> blocks = new HashMap<>();
    final List<String> blockReads = new ArrayList<>();
    final Map<String, ConnectorException> blockFailures = new HashMap<>();
    final java.util.Set<String> shared = new java.util.HashSet<>();
    /** Runs as each page's blocks are read. */
    Runnable whileReading = () -> {};

    ConnectorException failure;

    @Override
    public boolean stillShared(String token, String pageId) {
      return shared.contains(pageId);
    }

    @Override
    public List<Page> pages(String token) {
      if (failure != null) {
        throw failure;
      }
      return List.copyOf(pages);
    }

    @Override
    public List<Block> blocks(String token, String pageId) {
      blockReads.add(pageId);
      whileReading.run();
      if (blockFailures.containsKey(pageId)) {
        throw blockFailures.get(pageId);
      }
      return blocks.getOrDefault(pageId, List.of());
    }

    @Override
    public String exchangeCode(String code) {
      return "token-for-" + code;
    }
  }

  /** Fake indexing: keeps each owner's files by name, as the real use case would. */
  static final class FakeIndex implements IndexContentUseCase {
    final Map<UserId, Map<String, String>> files = new HashMap<>();
    final List<IndexContentCommand> commands = new ArrayList<>();
    private final ConnectorHold connectors;
    /** Runs as a batch is about to be written (after the sync's last check). */
    Runnable beforeWriting = () -> {};

    FakeIndex(ConnectorHold connectors) {
      this.connectors = connectors;
    }

    @Override
    public IndexContentResult index(IndexContentCommand command) {
      beforeWriting.run();
      commands.add(command);
      // as the use case's file transactions do: a connector's sync writes only while it is held
      if (command.whileConnected() && !connectors.hold(command.owner(), command.source())) {
        throw new ConnectorRemovedException(command.source());
      }
      Map<String, String> mine = files.computeIfAbsent(command.owner(), k -> new TreeMap<>());
      for (UploadedFile f : command.files()) {
        if (f.isDeletion()) {
          mine.remove(f.name());
        } else {
          mine.put(
              f.name(), f.contentType() + "|" + new String(f.content(), StandardCharsets.UTF_8));
        }
      }
      return new IndexContentResult(
          command.files().stream().map(UploadedFile::name).toList(), List.of(), 0, 0, 0);
    }

    Map<String, String> of(UserId owner) {
      return files.getOrDefault(owner, Map.of());
    }
  }

  final InMemoryConnectorRepository connectors = new InMemoryConnectorRepository();
  final InMemorySecretBox secrets = new InMemorySecretBox();
  final FakeGithub github = new FakeGithub();
  final FakeNotion notion = new FakeNotion();
  final FakeIndex index = new FakeIndex(connectors);
  /** Deleting a source as the real use case does: its settings, versions and state, and its files (by their URLs). */
  final DeleteContentUseCase deleteContent = command -> {
    ContentSource source = ((DeleteContentCommand.Source) command.target()).source();
    connectors.deleteConnector(command.owner(), source);
    String prefix = source == ContentSource.GITHUB ? "https://github.com/" : "https://notion.so/";
    Map<String, String> mine = index.files.getOrDefault(command.owner(), new TreeMap<>());
    int before = mine.size();
    mine.keySet().removeIf(name -> name.startsWith(prefix));
    return before - mine.size();
  };

  final SyncConnectorsService sync = new SyncConnectorsService(
      connectors,
      github,
      notion,
      index,
      secrets,
      Clock.fixed(NOW, ZoneOffset.UTC),
      new ConnectorSettings(1000, 2, Optional.empty()));
  final UserId alice = new UserId(UUID.randomUUID());

  void configure(UserId owner, String token, GithubRepo... repos) {
    new ConfigureGithubService(connectors, secrets)
        .configure(ConfigureGithubCommand.of(
            owner,
            Optional.of(token),
            java.util.Arrays.stream(repos)
                .map(r -> new ConfigureGithubCommand.RepoInput(r.owner(), r.name(), r.branch()))
                .toList()));
  }

  SyncReport syncGithub(UserId owner) {
    return sync.sync(new SyncConnectorsCommand(owner, java.util.Set.of(ContentSource.GITHUB)));
  }

  @Test
  void firstSyncReadsEveryTextFileWithTheOpenedTokenAndStoresThemUnderTheirGithubUrls() {
    github.file(REPO, "README.md", "a1", "# Hi");
    github.file(REPO, "notes/todo.org", "b1", "* TODO x");
    github.file(REPO, "src/main.py", "c1", "print(1)");
    github.file(REPO, "logo.png", "d1", "PNG");
    configure(alice, "ghp_1", REPO);

    SyncReport report = syncGithub(alice);

    assertThat(report.outcomes().get(ContentSource.GITHUB))
        .isEqualTo(new Outcome.Synced(3, 0, 0, 1));
    assertThat(github.tokens).containsOnly(Optional.of("ghp_1"));
    assertThat(github.blobReads).containsExactlyInAnyOrder("a1", "b1", "c1");
    String base = "https://github.com/octo/notes/blob/main/";
    assertThat(index.of(alice))
        .containsEntry(base + "README.md", "text/markdown|# Hi")
        .containsEntry(base + "notes/todo.org", "text/org|* TODO x")
        .containsEntry(base + "src/main.py", "text/plain|print(1)")
        .hasSize(3);
    assertThat(index.commands).allMatch(c -> c.source() == ContentSource.GITHUB);
    assertThat(connectors.state(alice, ContentSource.GITHUB))
        .isEqualTo(new SyncState(SyncState.Status.OK, Optional.empty(), Optional.of(NOW), 3, 3));
  }

  @Test
  void largeFilesAreIndexedInBatchesOfBoundedBytesAndDeletionsComeFirst() {
    SyncConnectorsService roomy = new SyncConnectorsService(
        connectors,
        github,
        notion,
        index,
        secrets,
        Clock.fixed(NOW, ZoneOffset.UTC),
        new ConnectorSettings(20L * 1024 * 1024, 50, Optional.empty()));
    github.file(REPO, "gone.md", "g1", "going");
    configure(alice, "t", REPO);
    roomy.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.GITHUB)));
    github.trees.clear();
    String nineMegabytes = "x".repeat(9 * 1024 * 1024);
    for (int i = 0; i < 3; i++) {
      github.file(REPO, "data" + i + ".csv", "big" + i, nineMegabytes);
    }
    index.commands.clear();

    roomy.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.GITHUB)));

    // the deletion first, then 9 + 9 MB (past 16 MB) in one upload and the third in another: three
    // files of
    // 9 MB were one upload of 27 MB, over a smaller request limit on every run
    assertThat(index.commands)
        .extracting(c -> c.files().stream().filter(f -> !f.isDeletion()).count())
        .containsExactly(0L, 2L, 1L);
    assertThat(index.of(alice))
        .hasSize(3)
        .doesNotContainKey("https://github.com/octo/notes/blob/main/gone.md");
  }

  @Test
  void aResyncReadsOnlyChangedFilesAndDeletesWhatWentUpstream() {
    github.file(REPO, "a.md", "a1", "A");
    github.file(REPO, "b.md", "b1", "B");
    github.file(REPO, "c.md", "c1", "C");
    configure(alice, "t", REPO);
    syncGithub(alice);
    github.blobReads.clear();
    github.trees.clear();
    github.file(REPO, "a.md", "a1", "A");
    github.file(REPO, "b.md", "b2", "B2");

    SyncReport report = syncGithub(alice);

    assertThat(report.outcomes().get(ContentSource.GITHUB))
        .isEqualTo(new Outcome.Synced(1, 1, 1, 0));
    assertThat(github.blobReads).containsExactly("b2");
    String base = "https://github.com/octo/notes/blob/main/";
    assertThat(index.of(alice))
        .containsOnlyKeys(base + "a.md", base + "b.md")
        .containsEntry(base + "b.md", "text/markdown|B2");
  }

  @Test
  void aForcedSyncReadsEveryFileAndPageAgain() {
    github.file(REPO, "a.md", "a1", "A");
    configure(alice, "t", REPO);
    new ConfigureNotionService(connectors, secrets)
        .configure(new ConfigureNotionCommand(alice, Optional.of("n")));
    notion.pages.add(new NotionWorkspace.Page(
        "p1",
        "https://notion.so/Trip-p1",
        "Trip",
        Instant.parse("2026-11-01T00:00:00Z"),
        List.of()));
    sync.sync(SyncConnectorsCommand.all(alice));
    github.blobReads.clear();
    notion.blockReads.clear();

    sync.sync(SyncConnectorsCommand.all(alice));
    assertThat(github.blobReads).isEmpty();
    assertThat(notion.blockReads).isEmpty();

    sync.sync(new SyncConnectorsCommand(
        alice, java.util.Set.of(ContentSource.GITHUB, ContentSource.NOTION), true));
    assertThat(github.blobReads).containsExactly("a1");
    assertThat(notion.blockReads).containsExactly("p1");
  }

  @Test
  void aRepositoryRemovedFromTheSettingsLosesItsEntriesAndAnUnreadableOneKeepsThem() {
    GithubRepo other = new GithubRepo("octo", "other", "main");
    github.file(REPO, "a.md", "a1", "A");
    github.file(other, "o.md", "o1", "O");
    configure(alice, "t", REPO, other);
    syncGithub(alice);

    github.trees.remove("notes"); // now 404
    configure(alice, "t", new GithubRepo("octo", "notes", "main"));
    SyncReport report = syncGithub(alice);

    assertThat(index.of(alice)).containsOnlyKeys("https://github.com/octo/notes/blob/main/a.md");
    assertThat(report.outcomes().get(ContentSource.GITHUB)).isInstanceOf(Outcome.Synced.class);
    SyncState state = connectors.state(alice, ContentSource.GITHUB);
    assertThat(state.status()).isEqualTo(SyncState.Status.FAILING);
    assertThat(state.lastError())
        .hasValueSatisfying(e -> assertThat(e).contains("octo/notes@main"));
  }

  @Test
  void aRevokedTokenMarksTheConnectorFailingAndDeletesNothing() {
    github.file(REPO, "a.md", "a1", "A");
    configure(alice, "t", REPO);
    syncGithub(alice);
    int commands = index.commands.size();
    github.treeFailure = new ConnectorException(
        Kind.UNAUTHORIZED, "HTTP 401: the token is wrong, expired or revoked");

    SyncReport report = syncGithub(alice);

    assertThat(report.failed()).isTrue();
    assertThat(index.commands).hasSize(commands);
    assertThat(index.of(alice)).hasSize(1);
    SyncState state = connectors.state(alice, ContentSource.GITHUB);
    assertThat(state.status()).isEqualTo(SyncState.Status.FAILING);
    assertThat(state.lastError())
        .hasValueSatisfying(e -> assertThat(e).startsWith("GitHub refused the token"));
    assertThat(state.lastSyncedAt()).contains(NOW);
  }

  @Test
  void aSourceRemovedWhileItSyncsGetsNoFurtherBatchAndKeepsNothing() {
    for (int i = 0; i < 5; i++) {
      github.file(REPO, "f" + i + ".md", "s" + i, "F" + i);
    }
    configure(alice, "t", REPO);
    github.whileReading = () -> {
      if (github.blobReads.size() == 2) { // after the first batch (of 2) was written
        deleteContent.delete(
            new DeleteContentCommand(alice, new DeleteContentCommand.Source(ContentSource.GITHUB)));
      }
    };

    SyncReport report = syncGithub(alice);

    assertThat(report.outcomes().get(ContentSource.GITHUB))
        .isEqualTo(new Outcome.Failed("github was removed while it was syncing"));
    assertThat(index.commands).as("only the batch written before the removal").hasSize(1);
    assertThat(index.of(alice)).isEmpty();
    assertThat(connectors.github(alice)).isEmpty();
    assertThat(connectors.versions(alice, ContentSource.GITHUB)).isEmpty();
    assertThat(connectors.state(alice, ContentSource.GITHUB))
        .isEqualTo(connectors.state(bobWithNothing(), ContentSource.GITHUB));
  }

  @Test
  void aBatchWhoseSourceIsRemovedAfterTheSyncsCheckIsNotWrittenNorRemembered() {
    github.file(REPO, "a.md", "a1", "A");
    configure(alice, "t", REPO);
    index.beforeWriting = () -> {
      // the removal lands between the sync's check and its write
      deleteContent.delete(
          new DeleteContentCommand(alice, new DeleteContentCommand.Source(ContentSource.GITHUB)));
      index.beforeWriting = () -> {};
    };

    SyncReport report = syncGithub(alice);

    assertThat(report.outcomes().get(ContentSource.GITHUB))
        .isEqualTo(new Outcome.Failed("github was removed while it was syncing"));
    assertThat(index.commands)
        .singleElement()
        .satisfies(c -> assertThat(c.whileConnected()).isTrue());
    assertThat(index.of(alice)).isEmpty();
    assertThat(connectors.versions(alice, ContentSource.GITHUB)).isEmpty();
    assertThat(connectors.state(alice, ContentSource.GITHUB)).isEqualTo(SyncState.never());
  }

  @Test
  void clearingTheNotionTokenWhileItSyncsKeepsTheConnectionAndItsPages() {
    new ConfigureNotionService(connectors, secrets)
        .configure(new ConfigureNotionCommand(alice, Optional.of("secret_1")));
    for (int i = 0; i < 4; i++) {
      notion.pages.add(new NotionWorkspace.Page(
          "p" + i,
          "https://notion.so/Page-p" + i,
          "Page " + i,
          Instant.parse("2026-11-01T00:00:00Z"),
          List.of()));
      notion.blocks.put(
          "p" + i, List.of(new NotionWorkspace.Block("paragraph", "text " + i, List.of())));
    }
    notion.whileReading = () -> {
      if (notion.blockReads.size() == 3) {
        connectors.saveNotion(alice, Optional.empty());
      }
    };

    SyncReport report =
        sync.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.NOTION)));

    assertThat(report.failed()).isFalse();
    assertThat(index.of(alice)).hasSize(4);
    assertThat(connectors.hasConnector(alice, ContentSource.NOTION)).isTrue();
  }

  private static UserId bobWithNothing() {
    return new UserId(UUID.randomUUID());
  }

  @Test
  void aRateLimitMidwayKeepsTheFinishedBatchesSoTheNextSyncResumes() {
    for (int i = 0; i < 5; i++) {
      github.file(REPO, "f" + i + ".md", "s" + i, "F" + i);
    }
    configure(alice, "t", REPO);
    github.blobFailureAfterOne = new ConnectorException(
        Kind.RATE_LIMITED, "HTTP 403 (rate limit)", Optional.of(NOW.plusSeconds(3600)), null);

    SyncReport report = syncGithub(alice);

    assertThat(report.outcomes().get(ContentSource.GITHUB)).isInstanceOf(Outcome.Failed.class);
    assertThat(connectors.state(alice, ContentSource.GITHUB).lastError())
        .hasValueSatisfying(e ->
            assertThat(e).contains("rate limit").contains(NOW.plusSeconds(3600).toString()));
    github.blobFailureAfterOne = null;
    github.blobReads.clear();
    syncGithub(alice);
    assertThat(github.blobReads)
        .hasSize(5); // the first batch died with its second file: nothing of it was recorded
    assertThat(index.of(alice)).hasSize(5);

    github.blobReads.clear();
    syncGithub(alice);
    assertThat(github.blobReads).isEmpty();
  }

  @Test
  void oneUsersSyncNeverTouchesAnothersFiles() {
    UserId bob = new UserId(UUID.randomUUID());
    github.file(REPO, "a.md", "a1", "A");
    configure(alice, "t", REPO);
    configure(bob, "t", new GithubRepo("octo", "empty", "main"));
    github.trees.put("empty", new ArrayList<>());
    syncGithub(alice);

    syncGithub(bob);

    assertThat(index.of(alice)).hasSize(1);
    assertThat(index.commands)
        .allMatch(c -> c.owner().equals(alice) || c.files().isEmpty());
  }

  @Test
  void notionPagesAreReadWhenTheirLastEditChangesAndDeletedWhenGone() {
    new ConfigureNotionService(connectors, secrets)
        .configure(new ConfigureNotionCommand(alice, Optional.of("n")));
    NotionWorkspace.Page trip = new NotionWorkspace.Page(
        "p1",
        "https://notion.so/Trip-p1",
        "Trip",
        Instant.parse("2026-11-01T00:00:00Z"),
        List.of());
    NotionWorkspace.Page row = new NotionWorkspace.Page(
        "p2",
        "https://notion.so/Row-p2",
        "Row",
        Instant.parse("2026-11-02T00:00:00Z"),
        List.of("Status: Done"));
    notion.pages.addAll(List.of(trip, row));
    notion.blocks.put(
        "p1",
        List.of(
            new NotionWorkspace.Block("heading_1", "Museums", List.of()),
            new NotionWorkspace.Block(
                "toggle",
                "Day one",
                List.of(new NotionWorkspace.Block("paragraph", "# not a heading", List.of())))));

    sync.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.NOTION)));

    assertThat(index.of(alice).get("https://notion.so/Trip-p1"))
        .isEqualTo("text/markdown|# Trip\n\n\n## Museums\n\n- Day one\n  \\# not a heading\n\n");
    assertThat(index.of(alice).get("https://notion.so/Row-p2"))
        .isEqualTo("text/markdown|# Row\n\nStatus: Done\n\n");

    notion.blockReads.clear();
    notion.pages.clear();
    notion.pages.add(new NotionWorkspace.Page(
        "p1",
        "https://notion.so/Trip-p1",
        "Trip",
        Instant.parse("2026-11-05T00:00:00Z"),
        List.of()));
    SyncReport report =
        sync.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.NOTION)));

    assertThat(notion.blockReads).containsExactly("p1");
    assertThat(index.of(alice)).containsOnlyKeys("https://notion.so/Trip-p1");
    assertThat(report.outcomes().get(ContentSource.NOTION))
        .isEqualTo(new Outcome.Synced(1, 1, 0, 0));
  }

  @Test
  void aNotionPageWhoseBlocksAreRefusedIsSkippedAndTheOthersAreIndexed() {
    new ConfigureNotionService(connectors, secrets)
        .configure(new ConfigureNotionCommand(alice, Optional.of("n")));
    notion.pages.addAll(List.of(
        new NotionWorkspace.Page(
            "p1",
            "https://notion.so/Meeting-p1",
            "Meeting",
            Instant.parse("2026-11-01T00:00:00Z"),
            List.of()),
        new NotionWorkspace.Page(
            "p2",
            "https://notion.so/Trip-p2",
            "Trip",
            Instant.parse("2026-11-02T00:00:00Z"),
            List.of())));
    notion.blockFailures.put(
        "p1",
        new ConnectorException(Kind.MALFORMED, "Notion refused the request: validation_error"));

    SyncReport report =
        sync.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.NOTION)));

    assertThat(report.outcomes().get(ContentSource.NOTION))
        .isEqualTo(new Outcome.Synced(1, 0, 0, 1));
    assertThat(index.of(alice)).containsOnlyKeys("https://notion.so/Trip-p2");
    // not remembered: it is read again on the next sync
    notion.blockFailures.clear();
    sync.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.NOTION)));
    assertThat(index.of(alice)).containsKeys("https://notion.so/Meeting-p1");
  }

  @Test
  void aNotionPageMissingFromOneListingIsKeptWhileNotionSaysItIsThere() {
    new ConfigureNotionService(connectors, secrets)
        .configure(new ConfigureNotionCommand(alice, Optional.of("n")));
    String id = "598337872cf94fdf8782e53db20768a5";
    String url = "https://www.notion.so/Trip-to-Lisbon-" + id;
    notion.pages.add(new NotionWorkspace.Page(
        id, url, "Trip", Instant.parse("2026-11-01T00:00:00Z"), List.of()));
    sync.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.NOTION)));
    assertThat(index.of(alice)).containsOnlyKeys(url);

    // the search left it out this time, but the page is there
    notion.pages.clear();
    notion.shared.add(id);
    sync.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.NOTION)));
    assertThat(index.of(alice)).containsOnlyKeys(url);

    // now it is gone
    notion.shared.clear();
    SyncReport report =
        sync.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.NOTION)));
    assertThat(index.of(alice)).isEmpty();
    assertThat(report.outcomes().get(ContentSource.NOTION))
        .isEqualTo(new Outcome.Synced(0, 1, 0, 0));
  }

  @Test
  void aNotionPageEditedAroundTheLastSyncIsReadAgainThoughItsMinuteIsTheSame() {
    // Notion rounds last_edited_time down to the minute: an edit in the minute of the last sync
    // keeps it
    new ConfigureNotionService(connectors, secrets)
        .configure(new ConfigureNotionCommand(alice, Optional.of("n")));
    notion.pages.add(new NotionWorkspace.Page(
        "p1", "https://notion.so/Now-p1", "Now", NOW.minusSeconds(30), List.of()));
    notion.pages.add(new NotionWorkspace.Page(
        "p2",
        "https://notion.so/Old-p2",
        "Old",
        NOW.minus(java.time.Duration.ofDays(3)),
        List.of()));
    sync.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.NOTION)));
    notion.blockReads.clear();

    sync.sync(new SyncConnectorsCommand(alice, java.util.Set.of(ContentSource.NOTION)));

    assertThat(notion.blockReads).containsExactly("p1");
  }

  @Test
  void unconfiguredConnectorsAreNotSynced() {
    SyncReport report = sync.sync(SyncConnectorsCommand.all(alice));

    assertThat(report.outcomes()).isEmpty();
    assertThat(github.tokens).isEmpty();
  }

  @Test
  void aNotionFailureIsRecordedWithItsKind() {
    new ConfigureNotionService(connectors, secrets)
        .configure(new ConfigureNotionCommand(alice, Optional.of("n")));
    notion.failure = new ConnectorException(Kind.UNAVAILABLE, "Notion answered HTTP 503");

    SyncReport report = sync.sync(SyncConnectorsCommand.all(alice));

    assertThat(report.outcomes().get(ContentSource.NOTION))
        .isEqualTo(new Outcome.Failed("Notion: Notion answered HTTP 503"));
    assertThat(connectors.state(alice, ContentSource.NOTION).status())
        .isEqualTo(SyncState.Status.FAILING);
  }

  @Test
  void theScheduledSyncCoversEveryUserWithAConnector() {
    UserId bob = new UserId(UUID.randomUUID());
    github.file(REPO, "a.md", "a1", "A");
    configure(alice, "t", REPO);
    configure(bob, "t", REPO);

    int users = new SyncAllConnectorsService(connectors, sync).syncAll();

    assertThat(users).isEqualTo(2);
    assertThat(index.of(alice)).hasSize(1);
    assertThat(index.of(bob)).hasSize(1);
  }

  @Test
  void oneUsersFailureThatEscapesTheSyncDoesNotStopTheScheduledSyncOfTheOthers() {
    UserId bob = new UserId(UUID.randomUUID());
    configure(alice, "t", REPO);
    configure(bob, "t", REPO);
    List<UserId> synced = new ArrayList<>();
    SyncAllConnectorsService all = new SyncAllConnectorsService(connectors, command -> {
      synced.add(command.owner());
      if (synced.size() == 1) {
        throw new IllegalStateException("the account was deleted during its sync");
      }
      return new SyncReport(Map.of());
    });

    assertThat(all.syncAll()).isEqualTo(2);
    assertThat(synced).hasSize(2);
  }

  @Test
  void oauthStatesAreBoundToTheirUserAndWorkOnce() {
    var settings = new ConnectorSettings(
        1000,
        2,
        Optional.of(new ConnectorSettings.NotionOAuth(
            "cid",
            "https://k.example/api/notion/auth/callback",
            "https://api.notion.com/v1/oauth/authorize",
            java.time.Duration.ofMinutes(10))));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    var random = new io.khoj4j.application.port.out.shared.SecretGenerator() {
      int n;

      @Override
      public String urlSafeSecret(int bytes) {
        return "state" + (n++);
      }

      @Override
      public int nextInt(int bound) {
        return 0;
      }
    };
    String url = new StartNotionOAuthService(connectors, random, clock, settings)
        .authorizeUrl(new io.khoj4j.application.port.in.connector.StartNotionOAuthQuery(alice))
        .orElseThrow();
    assertThat(url)
        .isEqualTo(
            "https://api.notion.com/v1/oauth/authorize?client_id=cid&redirect_uri="
                + "https%3A%2F%2Fk.example%2Fapi%2Fnotion%2Fauth%2Fcallback&response_type=code&owner=user&state=state0");

    var complete = new CompleteNotionOAuthService(connectors, notion, secrets, clock);
    UserId bob = new UserId(UUID.randomUUID());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete.complete(
            new io.khoj4j.application.port.in.connector.CompleteNotionOAuthCommand(
                bob, "c", "state0")))
        .hasMessage("Invalid state parameter");
    assertThat(connectors.notionToken(bob)).isEmpty();
    assertThat(connectors.notionToken(alice)).isEmpty();
  }

  @Test
  void githubCommandsRefuseNamesThatCouldSteerRequests() {
    for (var bad : List.of(
        new ConfigureGithubCommand.RepoInput("../x", "r", "main"),
        new ConfigureGithubCommand.RepoInput("o", "r?x=1", "main"),
        new ConfigureGithubCommand.RepoInput("o", "..", "main"),
        new ConfigureGithubCommand.RepoInput("o", "r", "a..b"),
        new ConfigureGithubCommand.RepoInput("o", "r", "br anch"))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> ConfigureGithubCommand.of(alice, Optional.empty(), List.of(bad)))
          .as(bad.toString())
          .isInstanceOf(io.khoj4j.application.error.InvalidInputException.class);
    }
    assertThat(ConfigureGithubCommand.of(
                alice,
                Optional.of(" "),
                List.of(new ConfigureGithubCommand.RepoInput("o", "r", null)))
            .repos())
        .containsExactly(new GithubRepo("o", "r", "master"));
  }
}
