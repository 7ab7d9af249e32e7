package io.khoj4j.application.service.connector;

import io.khoj4j.application.port.in.connector.SyncReport.Outcome;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.connector.ConnectorException;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.connector.GithubRepositories;
import io.khoj4j.application.port.out.connector.GithubRepositories.TreeFile;
import io.khoj4j.domain.connector.GithubRepo;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One user's GitHub sync. The recursive tree of each repository lists every file with its blob SHA; only files whose
 * SHA differs from the one last indexed are downloaded. Files gone from a tree that was read whole, and files of
 * repositories no longer configured, are deleted here. A repository whose tree could not be read keeps its entries.
 */
final class GithubSync {

  /** Extensions that are never text: not downloaded at all. */
  private static final Set<String> BINARY = Set.of(
      "png", "jpg", "jpeg", "gif", "webp", "ico", "bmp", "tiff", "svgz", "pdf", "zip", "gz", "tgz",
      "bz2", "xz", "7z", "rar", "jar", "war", "class", "so", "dll", "exe", "dylib", "o", "a", "bin",
      "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "mov", "avi", "wav", "ogg", "webm", "pyc",
      "docx", "xlsx", "pptx", "doc", "xls", "ppt", "sqlite", "db", "lock", "psd");

  /** Marks a file that was listed but not indexed (binary or too large), so it is not reconsidered until it changes. */
  static final String SKIPPED = "skipped:";

  /** Bytes read before a batch is indexed (one file larger than this is a batch of its own). */
  static final long MAX_BATCH_BYTES = 16L * 1024 * 1024;

  private final GithubRepositories github;
  private final ConnectorRepository connectors;
  private final ConnectorIndexer indexer;
  private final long maxFileBytes;
  private final int batchSize;

  GithubSync(
      GithubRepositories github,
      ConnectorRepository connectors,
      ConnectorIndexer indexer,
      long maxFileBytes,
      int batchSize) {
    this.github = github;
    this.connectors = connectors;
    this.indexer = indexer;
    this.maxFileBytes = maxFileBytes;
    this.batchSize = batchSize;
  }

  /**
   * @param progress told (done, total) as batches finish
   * @throws ConnectorException when GitHub refuses the token, rate-limits or fails: what was indexed stays
   */
  Outcome.Synced sync(
      UserId owner,
      List<GithubRepo> repos,
      Optional<String> token,
      BiConsumer<Integer, Integer> progress,
      List<String> repoErrors,
      boolean force) {
    Plan plan = plan(owner, repos, token, repoErrors, force);
    // deletions first: a batch that fails later (a quota, GitHub going away) must not keep files
    // deleted upstream
    removeGone(owner, plan);
    if (!plan.skippedVersions().isEmpty()) {
      connectors.saveVersions(owner, ContentSource.GITHUB, plan.skippedVersions());
    }
    int[] read = readAndIndex(owner, token, plan.pending(), progress);
    int skipped = plan.skippedVersions().size() + read[1];
    return new Outcome.Synced(read[0], plan.gone().size(), plan.unchanged(), skipped);
  }

  /**
   * What a sync does, decided from the repositories' trees and the versions already indexed: files to read, files
   * skipped (binary or too large; their version is remembered so they are not listed again), files gone upstream.
   */
  private record Plan(
      List<Pending> pending,
      Map<String, String> skippedVersions,
      List<String> gone,
      int unchanged) {}

  private Plan plan(
      UserId owner,
      List<GithubRepo> repos,
      Optional<String> token,
      List<String> repoErrors,
      boolean force) {
    Map<String, String> versions = connectors.versions(owner, ContentSource.GITHUB);
    Set<String> listed = new HashSet<>();
    List<String> wholePrefixes = new ArrayList<>();
    Plan plan = new Plan(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(), 0);
    int unchanged = 0;
    for (GithubRepo repo : repos) {
      Optional<List<TreeFile>> files = tree(token, repo, repoErrors);
      if (files.isEmpty()) {
        continue;
      }
      wholePrefixes.add(repo.urlPrefix());
      for (TreeFile file : files.get()) {
        String url = repo.fileUrl(file.path());
        listed.add(url);
        String known = versions.get(url);
        if (!force && (file.sha().equals(known) || (SKIPPED + file.sha()).equals(known))) {
          unchanged++;
        } else if (!worthReading(file)) {
          plan.skippedVersions().put(url, SKIPPED + file.sha());
          if (known != null && !known.startsWith(SKIPPED)) {
            plan.gone().add(url);
          }
        } else {
          plan.pending().add(new Pending(repo, file, url));
        }
      }
    }
    for (String url : versions.keySet()) {
      boolean inListedRepo = wholePrefixes.stream().anyMatch(url::startsWith);
      boolean inConfiguredRepo = repos.stream().anyMatch(r -> url.startsWith(r.urlPrefix()));
      if ((inListedRepo && !listed.contains(url)) || !inConfiguredRepo) {
        plan.gone().add(url);
      }
    }
    return new Plan(plan.pending(), plan.skippedVersions(), plan.gone(), unchanged);
  }

  /** The repository's files; a repository or branch that does not exist is reported, and the others go on. */
  private Optional<List<TreeFile>> tree(
      Optional<String> token, GithubRepo repo, List<String> repoErrors) {
    try {
      return Optional.of(github.files(token, repo));
    } catch (ConnectorException e) {
      if (e.kind() != ConnectorException.Kind.NOT_FOUND) {
        throw e;
      }
      repoErrors.add(
          repo.owner() + "/" + repo.name() + "@" + repo.branch() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Reads and indexes the pending files in batches; returns {indexed, skipped because gone meanwhile}. */
  private int[] readAndIndex(
      UserId owner,
      Optional<String> token,
      List<Pending> pending,
      BiConsumer<Integer, Integer> progress) {
    int total = pending.size();
    progress.accept(0, total);
    int indexed = 0;
    int skipped = 0;
    int done = 0;
    List<ConnectorIndexer.Item> batch = new ArrayList<>();
    long batchBytes = 0;
    for (Pending p : pending) {
      done++;
      Optional<byte[]> bytes = blob(token, p);
      if (bytes.isPresent()) {
        batch.add(new ConnectorIndexer.Item(
            p.url(),
            p.file().sha(),
            new UploadedFile(p.url(), contentType(p.file().path()), bytes.get())));
        batchBytes += bytes.get().length;
      } else {
        skipped++;
      }
      // a batch is at most batchSize files and about MAX_BATCH_BYTES: a few large files no longer
      // make one
      // upload over the request's size limit, refused again at the same place on every run
      if (batch.size() >= batchSize || batchBytes >= MAX_BATCH_BYTES || done == total) {
        indexer.index(owner, ContentSource.GITHUB, batch);
        indexed += batch.size();
        batch = new ArrayList<>();
        batchBytes = 0;
        progress.accept(done, total);
      }
    }
    return new int[] {indexed, skipped};
  }

  /** The file's bytes; empty when it disappeared between listing and reading. */
  private Optional<byte[]> blob(Optional<String> token, Pending p) {
    try {
      return Optional.of(github.blob(token, p.repo(), p.file().sha()));
    } catch (ConnectorException e) {
      if (e.kind() != ConnectorException.Kind.NOT_FOUND) {
        throw e;
      }
      return Optional.empty();
    }
  }

  /** Files gone upstream are deleted; a file that became binary or too large keeps only its skipped version. */
  private void removeGone(UserId owner, Plan plan) {
    List<String> gone = plan.gone();
    Map<String, String> skippedVersions = plan.skippedVersions();
    indexer.delete(
        owner,
        ContentSource.GITHUB,
        gone.stream().filter(u -> !skippedVersions.containsKey(u)).toList());
    List<String> emptied = gone.stream().filter(skippedVersions::containsKey).toList();
    if (!emptied.isEmpty()) {
      indexer.index(
          owner,
          ContentSource.GITHUB,
          emptied.stream()
              .map(u -> new ConnectorIndexer.Item(
                  u, skippedVersions.get(u), new UploadedFile(u, null, new byte[0])))
              .toList());
    }
  }

  private record Pending(GithubRepo repo, TreeFile file, String url) {}

  private boolean worthReading(TreeFile file) {
    if (file.size() > maxFileBytes) {
      return false;
    }
    String name = file.path().substring(file.path().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot < 0 || !BINARY.contains(name.substring(dot + 1));
  }

  /** The processor for the file: markdown and org by extension, everything else is read as plain text. */
  static String contentType(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
      return "text/markdown";
    }
    if (lower.endsWith(".org")) {
      return "text/org";
    }
    return "text/plain";
  }
}
