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
  private static final Set<String> BINARY = Set.of("png", "jpg", "jpeg", "gif", "webp", "ico", "bmp", "tiff", "svgz",
      "pdf", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "jar", "war", "class", "so", "dll", "exe", "dylib", "o",
      "a", "bin", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "mov", "avi", "wav", "ogg", "webm", "pyc",
      "docx", "xlsx", "pptx", "doc", "xls", "ppt", "sqlite", "db", "lock", "psd");

  /** Marks a file that was listed but not indexed (binary or too large), so it is not reconsidered until it changes. */
  static final String SKIPPED = "skipped:";

  private final GithubRepositories github;
  private final ConnectorRepository connectors;
  private final ConnectorIndexer indexer;
  private final long maxFileBytes;
  private final int batchSize;

  GithubSync(GithubRepositories github, ConnectorRepository connectors, ConnectorIndexer indexer, long maxFileBytes,
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
  Outcome.Synced sync(UserId owner, List<GithubRepo> repos, Optional<String> token,
      BiConsumer<Integer, Integer> progress, List<String> repoErrors) {
    Map<String, String> versions = connectors.versions(owner, ContentSource.GITHUB);
    Set<String> listed = new HashSet<>();
    List<String> wholePrefixes = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    Map<String, String> skippedVersions = new LinkedHashMap<>();
    List<String> gone = new ArrayList<>();
    int unchanged = 0;
    for (GithubRepo repo : repos) {
      List<TreeFile> files;
      try {
        files = github.files(token, repo);
      } catch (ConnectorException e) {
        if (e.kind() != ConnectorException.Kind.NOT_FOUND) {
          throw e;
        }
        repoErrors.add(repo.owner() + "/" + repo.name() + "@" + repo.branch() + ": " + e.getMessage());
        continue;
      }
      wholePrefixes.add(repo.urlPrefix());
      for (TreeFile file : files) {
        String url = repo.fileUrl(file.path());
        listed.add(url);
        String known = versions.get(url);
        if (file.sha().equals(known) || (SKIPPED + file.sha()).equals(known)) {
          unchanged++;
        } else if (!worthReading(file)) {
          skippedVersions.put(url, SKIPPED + file.sha());
          if (known != null && !known.startsWith(SKIPPED)) {
            gone.add(url);
          }
        } else {
          pending.add(new Pending(repo, file, url));
        }
      }
    }
    for (String url : versions.keySet()) {
      boolean inListedRepo = wholePrefixes.stream().anyMatch(url::startsWith);
      boolean inConfiguredRepo = repos.stream().anyMatch(r -> url.startsWith(r.urlPrefix()));
      if ((inListedRepo && !listed.contains(url)) || !inConfiguredRepo) {
        gone.add(url);
      }
    }
    int total = pending.size();
    progress.accept(0, total);
    int indexed = 0;
    int skipped = skippedVersions.size();
    for (int from = 0; from < pending.size(); from += batchSize) {
      List<ConnectorIndexer.Item> batch = new ArrayList<>();
      for (Pending p : pending.subList(from, Math.min(pending.size(), from + batchSize))) {
        byte[] bytes;
        try {
          bytes = github.blob(token, p.repo(), p.file().sha());
        } catch (ConnectorException e) {
          if (e.kind() != ConnectorException.Kind.NOT_FOUND) {
            throw e;
          }
          skipped++;
          continue;
        }
        batch.add(new ConnectorIndexer.Item(p.url(), p.file().sha(),
            new UploadedFile(p.url(), contentType(p.file().path()), bytes)));
      }
      indexer.index(owner, ContentSource.GITHUB, batch);
      indexed += batch.size();
      progress.accept(Math.min(total, from + batchSize), total);
    }
    if (!skippedVersions.isEmpty()) {
      connectors.saveVersions(owner, ContentSource.GITHUB, skippedVersions);
    }
    // a file that became binary or too large had entries: they go, and its skipped version stays
    List<String> forget = gone.stream().filter(u -> !skippedVersions.containsKey(u)).toList();
    indexer.delete(owner, ContentSource.GITHUB, forget);
    List<String> emptied = gone.stream().filter(skippedVersions::containsKey).toList();
    if (!emptied.isEmpty()) {
      indexer.index(owner, ContentSource.GITHUB, emptied.stream().map(u -> new ConnectorIndexer.Item(u,
          skippedVersions.get(u), new UploadedFile(u, null, new byte[0]))).toList());
    }
    return new Outcome.Synced(indexed, gone.size(), unchanged, skipped);
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
