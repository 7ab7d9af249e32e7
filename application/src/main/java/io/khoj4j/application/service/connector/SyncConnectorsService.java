package io.khoj4j.application.service.connector;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.connector.SyncConnectorsCommand;
import io.khoj4j.application.port.in.connector.SyncConnectorsUseCase;
import io.khoj4j.application.port.in.connector.SyncReport;
import io.khoj4j.application.port.in.connector.SyncReport.Outcome;
import io.khoj4j.application.port.in.content.ConnectorRemovedException;
import io.khoj4j.application.port.in.content.IndexContentUseCase;
import io.khoj4j.application.port.out.connector.ConnectorException;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.connector.ConnectorRepository.GithubSettings;
import io.khoj4j.application.port.out.connector.GithubRepositories;
import io.khoj4j.application.port.out.connector.NotionWorkspace;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Syncs a user's GitHub and Notion content. Each source's state (syncing with progress, ok, failing with the reason)
 * is saved as it goes, so {@code /api/settings} shows it. A refused token, a rate limit or a vendor failure stops
 * that source and deletes nothing; what was indexed before the failure stays, and the next sync resumes.
 */
public final class SyncConnectorsService implements SyncConnectorsUseCase {

  private static final Logger LOG = System.getLogger(SyncConnectorsService.class.getName());

  private final ConnectorRepository connectors;
  private final SecretBox secrets;
  private final Clock clock;
  private final GithubSync githubSync;
  private final NotionSync notionSync;
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  public SyncConnectorsService(
      ConnectorRepository connectors,
      GithubRepositories github,
      NotionWorkspace notion,
      IndexContentUseCase indexContent,
      SecretBox secrets,
      Clock clock,
      ConnectorSettings settings) {
    this.connectors = connectors;
    this.secrets = secrets;
    this.clock = clock;
    ConnectorIndexer indexer = new ConnectorIndexer(indexContent, connectors);
    this.githubSync =
        new GithubSync(github, connectors, indexer, settings.maxFileBytes(), settings.batchSize());
    this.notionSync = new NotionSync(notion, connectors, indexer, settings.batchSize());
  }

  @Override
  public SyncReport sync(SyncConnectorsCommand command) {
    Map<ContentSource, Outcome> outcomes = new EnumMap<>(ContentSource.class);
    UserId owner = command.owner();
    if (command.sources().contains(ContentSource.GITHUB)) {
      connectors
          .github(owner)
          .ifPresent(settings -> outcomes.put(
              ContentSource.GITHUB,
              guarded(
                  owner,
                  ContentSource.GITHUB,
                  () -> syncGithub(owner, settings, command.force()))));
    }
    if (command.sources().contains(ContentSource.NOTION)) {
      connectors
          .notionToken(owner)
          .ifPresent(token -> outcomes.put(
              ContentSource.NOTION,
              guarded(
                  owner, ContentSource.NOTION, () -> syncNotion(owner, token, command.force()))));
    }
    return new SyncReport(outcomes);
  }

  private interface Run {
    Outcome run();
  }

  /** One sync of a source at a time per user on this replica; every failure becomes the source's last error. */
  private Outcome guarded(UserId owner, ContentSource source, Run run) {
    String key = owner + "/" + source.wireName();
    if (!running.add(key)) {
      return new Outcome.AlreadyRunning();
    }
    try {
      return run.run();
    } catch (ConnectorRemovedException e) {
      // its removal deleted what it indexed, and nothing of it is written after: nothing to undo
      return new Outcome.Failed(e.getMessage());
    } catch (ConnectorException e) {
      return fail(owner, source, describe(source, e));
    } catch (QuotaExceededException | UpstreamFailureException e) {
      return fail(owner, source, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Syncing " + source.wireName() + " for user " + owner + " failed", e);
      return fail(owner, source, "internal error while syncing; see the server log");
    } finally {
      running.remove(key);
    }
  }

  private Outcome syncGithub(UserId owner, GithubSettings settings, boolean force) {
    Optional<String> token = settings.token().map(this::open);
    List<String> repoErrors = new ArrayList<>();
    SyncState before = connectors.state(owner, ContentSource.GITHUB);
    Outcome.Synced synced = githubSync.sync(
        owner,
        settings.repos(),
        token,
        progress(owner, ContentSource.GITHUB, before),
        repoErrors,
        force);
    SyncState after = connectors.state(owner, ContentSource.GITHUB);
    if (!repoErrors.isEmpty()) {
      String reason = String.join("; ", repoErrors);
      connectors.saveState(
          owner, ContentSource.GITHUB, after.failed(reason, after.done(), after.total()));
      LOG.log(Level.WARNING, "GitHub sync for user {0}: {1}", owner, reason);
      return synced;
    }
    connectors.saveState(
        owner, ContentSource.GITHUB, after.succeeded(clock.instant(), after.done(), after.total()));
    log(owner, ContentSource.GITHUB, synced);
    return synced;
  }

  private Outcome syncNotion(UserId owner, SealedSecret sealed, boolean force) {
    String token = open(sealed);
    SyncState before = connectors.state(owner, ContentSource.NOTION);
    Outcome.Synced synced = notionSync.sync(
        owner, token, progress(owner, ContentSource.NOTION, before), force, before.lastSyncedAt());
    SyncState after = connectors.state(owner, ContentSource.NOTION);
    connectors.saveState(
        owner, ContentSource.NOTION, after.succeeded(clock.instant(), after.done(), after.total()));
    log(owner, ContentSource.NOTION, synced);
    return synced;
  }

  private BiConsumer<Integer, Integer> progress(
      UserId owner, ContentSource source, SyncState before) {
    return (done, total) -> connectors.saveState(owner, source, before.syncing(done, total));
  }

  private String open(SealedSecret sealed) {
    try {
      return secrets.open(sealed);
    } catch (IllegalStateException e) {
      throw new ConnectorException(
          ConnectorException.Kind.UNAUTHORIZED,
          "the saved token can no longer be read (the server key changed): save it again");
    }
  }

  private Outcome fail(UserId owner, ContentSource source, String reason) {
    SyncState state = connectors.state(owner, source);
    connectors.saveState(owner, source, state.failed(reason, state.done(), state.total()));
    LOG.log(Level.WARNING, "{0} sync for user {1} failed: {2}", source.wireName(), owner, reason);
    return new Outcome.Failed(reason);
  }

  private static String describe(ContentSource source, ConnectorException e) {
    String vendor = source == ContentSource.GITHUB ? "GitHub" : "Notion";
    return switch (e.kind()) {
      case UNAUTHORIZED -> vendor + " refused the token: " + e.getMessage();
      case RATE_LIMITED ->
        vendor + " rate limit reached"
            + e.retryAt().map(t -> ", retry after " + t).orElse("") + ": " + e.getMessage();
      case NOT_FOUND, UNAVAILABLE, MALFORMED -> vendor + ": " + e.getMessage();
    };
  }

  private static void log(UserId owner, ContentSource source, Outcome.Synced s) {
    LOG.log(
        Level.INFO,
        "{0} sync for user {1}: {2} indexed, {3} deleted, {4} unchanged, {5} skipped",
        source.wireName(),
        owner,
        s.indexed(),
        s.deleted(),
        s.unchanged(),
        s.skipped());
  }
}
