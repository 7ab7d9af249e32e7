package io.khoj4j.application.service.content;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.IndexContentResult;
import io.khoj4j.application.port.in.content.IndexContentResult.RejectedFile;
import io.khoj4j.application.port.in.content.IndexContentUseCase;
import io.khoj4j.application.port.in.content.SyncMode;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.connector.ConnectorHold;
import io.khoj4j.application.port.out.content.DocumentReader;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.content.IndexingMetrics;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.content.FileParser.Parsed;
import io.khoj4j.domain.content.Chunk;
import io.khoj4j.domain.content.Chunker;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.RefusedFile;
import io.khoj4j.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Khoj's content sync without its orphans and duplicates.
 *
 * <ol>
 *   <li>Each part is parsed and chunked; bad files are rejected with a reason (not echoed) and the rest go on.
 *   <li>Outside any transaction, the chunks a file does not already have are embedded (unchanged chunks never are),
 *       sharing work with concurrent uploads ({@link SharedEmbedder}). The stored chunks' hashes and the earlier
 *       refusals of the upload's files are each read once for the whole upload.
 *   <li>Each file is then replaced in its own transaction under a per-file lock ({@link FileReplacer}), so a crash
 *       leaves each file entirely old or entirely new and concurrent uploads of one file cannot duplicate it. A
 *       connector's sync ({@link IndexContentCommand#whileConnected()}) writes a file only while the connector is set
 *       up, holding it for the file's transaction, so removing the connector removes every file the sync wrote.
 *   <li>The refused files are recorded with their reasons, for the user to see; a file indexed or deleted since is
 *       no longer listed as refused (its refusal, if the upload's read found one, is forgotten in the file's own
 *       transaction).
 * </ol>
 */
public final class IndexContentService implements IndexContentUseCase {

  private static final Logger LOG = System.getLogger(IndexContentService.class.getName());

  private final EntryRepository entries;
  private final RefusedFileRepository refused;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final IndexingLimits limits;
  private final IndexingMetrics metrics;
  private final FileParser parser;
  private final Chunker chunker;
  private final SharedEmbedder embedder;
  private final FileReplacer replacer;

  public IndexContentService(
      EntryRepository entries,
      RefusedFileRepository refused,
      EmbeddingModel embeddings,
      DocumentReader reader,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock,
      IndexingLimits limits,
      IndexingMetrics metrics,
      ConnectorHold connectors) {
    this.entries = entries;
    this.refused = refused;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
    this.limits = limits;
    this.metrics = metrics;
    this.parser = new FileParser(reader, limits);
    this.chunker = new Chunker(limits.maxWordsPerChunk());
    this.embedder = new SharedEmbedder(embeddings, metrics, clock, limits.embedBatchSize());
    this.replacer = new FileReplacer(
        entries, refused, unitOfWork, ids, clock, embedder, embeddings, connectors);
  }

  /** The parts of an upload sorted by what happens to them. */
  private record Sorted(
      List<FileChunks> toIndex, List<String> deletions, List<RejectedFile> rejected) {}

  @Override
  public IndexContentResult index(IndexContentCommand command) {
    Instant started = clock.instant();
    UserId owner = command.owner();
    checkQuota(owner, command.files(), command.whole());
    List<Parsed> parsed = command.files().stream()
        .map(f -> parser.parse(f, command.onlyType(), command.source()))
        .toList();
    Sorted sorted = sort(owner, parsed, command);

    Set<String> refusedBefore = refused.refusedAmong(owner, names(sorted));
    Map<ContentHash, float[]> vectors = new HashMap<>();
    int embedded = embedMissing(owner, sorted.toIndex(), command.knownVectors(), vectors);
    int reused = vectors.size() - embedded;
    int added = 0;
    int deleted = 0;
    Set<String> done = new HashSet<>();
    for (FileChunks file : sorted.toIndex()) {
      FileReplacer.Counts counts = replacer.replace(
          owner, file, vectors, refusedBefore.contains(file.name()), command.whileConnected());
      added += counts.added();
      deleted += counts.deleted();
      embedded += counts.embedded();
      done.add(file.name());
    }
    for (String gone : sorted.deletions()) {
      deleted += replacer.delete(owner, gone, refusedBefore.contains(gone));
      done.add(gone);
    }
    if (command.mode() == SyncMode.REGENERATE) {
      deleted += replacer.removeOthersOfUploadedTypes(
          owner, sorted.toIndex(), command.whole().names());
    }

    List<String> accepted =
        parsed.stream().map(Parsed::name).filter(done::contains).toList();
    rememberRefusals(owner, sorted.rejected());
    IndexContentResult result =
        new IndexContentResult(accepted, sorted.rejected(), added, deleted, embedded, reused);
    report(owner, result, started);
    return result;
  }

  /** The names of the files the upload indexes or deletes. */
  private static List<String> names(Sorted sorted) {
    List<String> names = new ArrayList<>(sorted.deletions());
    sorted.toIndex().forEach(f -> names.add(f.name()));
    return names;
  }

  private Sorted sort(UserId owner, List<Parsed> parsed, IndexContentCommand command) {
    Sorted sorted = new Sorted(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Parsed p : parsed) {
      switch (p) {
        case Parsed.Rejected r -> {
          sorted.rejected().add(new RejectedFile(r.name(), r.reason()));
          LOG.log(
              Level.WARNING, "Not indexing \"{0}\" for user {1}: {2}", r.name(), owner, r.reason());
        }
        case Parsed.Sections s ->
          sorted.toIndex().add(new FileChunks(s, byHash(s), command.source()));
        case Parsed.Deletion d -> sorted.deletions().add(d.name());
      }
    }
    return sorted;
  }

  private void report(UserId owner, IndexContentResult result, Instant started) {
    metrics.filesIndexed(result.accepted().size());
    metrics.filesRejected(result.rejected().size());
    metrics.chunksWritten(result.chunksAdded(), result.chunksDeleted());
    long millis = Math.max(1, Duration.between(started, clock.instant()).toMillis());
    LOG.log(
        Level.INFO,
        "Indexed {0} files for user {1} in {2} ms: {3} chunks added, {4} deleted, {5} embedded ({6} chunks/s), "
            + "{7} rejected",
        result.accepted().size(),
        owner,
        millis,
        result.chunksAdded(),
        result.chunksDeleted(),
        result.chunksEmbedded(),
        result.chunksEmbedded() * 1000L / millis,
        result.rejected().size());
  }

  /** What was refused is listed for the user (files indexed or deleted stopped being listed in their own transaction). */
  private void rememberRefusals(UserId owner, List<RejectedFile> rejected) {
    if (rejected.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    unitOfWork.run(() -> {
      for (RejectedFile r : rejected) {
        refused.save(new RefusedFile(owner, r.name(), r.reason(), now));
      }
      refused.keepNewest(owner, ListRefusedFilesService.KEPT_PER_USER);
    });
  }

  /**
   * The request's size, and the operator's ceiling on the user's index for callers that did not reserve space
   * (connector syncs; uploads reserve it atomically before they get here).
   */
  private void checkQuota(
      UserId owner, List<UploadedFile> files, IndexContentCommand.WholeUpload whole) {
    long incoming = files.stream().mapToLong(f -> f.content().length).sum();
    if (whole.bytes() > limits.maxRequestBytes()) { // the client's whole request, refused whole
      throw new QuotaExceededException("Too much data indexed.");
    }
    if (limits.maxIndexedBytesPerUser() > 0
        && entries.indexedBytes(owner) + incoming > limits.maxIndexedBytesPerUser()) {
      throw new QuotaExceededException("Too much data indexed.");
    }
  }

  private Map<ContentHash, Chunk> byHash(Parsed.Sections file) {
    Map<ContentHash, Chunk> chunks = new LinkedHashMap<>();
    for (Chunk c : chunker.chunk(
        file.sections(), file.type() != ContentType.MARKDOWN && file.type() != ContentType.ORG)) {
      chunks.putIfAbsent(c.hash(), c);
    }
    return chunks;
  }

  /**
   * Embeds, outside any transaction, every chunk the stored files do not already have and the command brought no vector
   * for; returns how many were embedded ({@code vectors} also holds the ones taken from the command).
   */
  private int embedMissing(
      UserId owner,
      List<FileChunks> files,
      Map<ContentHash, float[]> known,
      Map<ContentHash, float[]> vectors) {
    Map<ContentHash, String> needed = new LinkedHashMap<>();
    Map<String, Set<ContentHash>> storedByFile =
        entries.hashesOf(owner, files.stream().map(FileChunks::name).toList());
    for (FileChunks file : files) {
      Set<ContentHash> stored = storedByFile.getOrDefault(file.name(), Set.of());
      file.chunks().forEach((hash, chunk) -> {
        if (stored.contains(hash) || vectors.containsKey(hash)) {
          return;
        }
        float[] vector = known.get(hash);
        if (vector != null) {
          vectors.put(hash, vector);
        } else {
          needed.putIfAbsent(hash, chunk.compiled());
        }
      });
    }
    embedder.embed(needed, vectors);
    return needed.size();
  }
}
