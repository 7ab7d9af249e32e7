package io.khoj4j.application.service.content;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.IndexContentResult;
import io.khoj4j.application.port.in.content.IndexContentResult.RejectedFile;
import io.khoj4j.application.port.in.content.IndexContentUseCase;
import io.khoj4j.application.port.in.content.SyncMode;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.content.DocumentReader;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.application.port.out.content.IndexingMetrics;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.application.port.out.content.StoredChunk;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.content.FileParser.Parsed;
import io.khoj4j.domain.content.Chunk;
import io.khoj4j.domain.content.Chunker;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.DateMentions;
import io.khoj4j.domain.content.RefusedFile;
import io.khoj4j.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Khoj's content sync without its orphans and duplicates.
 *
 * <ol>
 *   <li>Each part is parsed and chunked; bad files are rejected with a reason (not echoed) and the rest go on.
 *   <li>Outside any transaction, the chunks a file does not already have are embedded (unchanged chunks never are).
 *   <li>Each file is then replaced in its own transaction under a per-file lock: chunks no longer present are
 *       deleted, new ones inserted. Concurrent uploads of one file serialise on the lock and the second sees the
 *       first's result, so no duplicate can appear; a crash leaves each file entirely old or entirely new. If another
 *       writer removed chunks we meant to keep, the missing ones are embedded (outside the transaction) and the file
 *       is replaced again.
 *   <li>The refused files are recorded with their reasons, for the user to see; a file indexed or deleted since is
 *       no longer listed as refused.
 * </ol>
 */
public final class IndexContentService implements IndexContentUseCase {

  private static final Logger LOG = System.getLogger(IndexContentService.class.getName());
  private static final int MAX_REPLACE_ATTEMPTS = 5;

  private final EntryRepository entries;
  private final RefusedFileRepository refused;
  private final EmbeddingModel embeddings;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;
  private final IndexingLimits limits;
  private final IndexingMetrics metrics;
  private final FileParser parser;
  private final Chunker chunker;
  private final Map<ContentHash, CompletableFuture<float[]>> inFlight = new ConcurrentHashMap<>();

  public IndexContentService(
      EntryRepository entries,
      RefusedFileRepository refused,
      EmbeddingModel embeddings,
      DocumentReader reader,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock,
      IndexingLimits limits,
      IndexingMetrics metrics) {
    this.entries = entries;
    this.refused = refused;
    this.embeddings = embeddings;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
    this.limits = limits;
    this.metrics = metrics;
    this.parser = new FileParser(reader, limits);
    this.chunker = new Chunker(limits.maxWordsPerChunk());
  }

  private record FileChunks(Parsed.Sections file, Map<ContentHash, Chunk> chunks, ContentSource source) {

    /** Connector content is stored under the connector's type (Khoj's {@code github}, {@code notion}). */
    ContentType storedType() {
      return switch (source) {
        case COMPUTER -> file.type();
        case GITHUB -> ContentType.GITHUB;
        case NOTION -> ContentType.NOTION;
      };
    }
  }

  @Override
  public IndexContentResult index(IndexContentCommand command) {
    java.time.Instant started = clock.instant();
    UserId owner = command.owner();
    checkQuota(owner, command.files());

    List<Parsed> parsed = command.files().stream().map(f -> parser.parse(f, command.onlyType(), command.source())).toList();
    List<RejectedFile> rejected = new ArrayList<>();
    List<FileChunks> toIndex = new ArrayList<>();
    for (Parsed p : parsed) {
      switch (p) {
        case Parsed.Rejected r -> {
          rejected.add(new RejectedFile(r.name(), r.reason()));
          LOG.log(Level.WARNING, "Not indexing \"{0}\" for user {1}: {2}", r.name(), owner, r.reason());
        }
        case Parsed.Sections s -> toIndex.add(new FileChunks(s, byHash(s), command.source()));
        case Parsed.Deletion d -> { }
      }
    }

    Map<ContentHash, float[]> vectors = new HashMap<>();
    int embedded = embedMissing(owner, toIndex, vectors);

    int added = 0;
    int deleted = 0;
    Set<String> done = new HashSet<>();
    for (FileChunks file : toIndex) {
      int[] counts = replace(owner, file, vectors);
      added += counts[0];
      deleted += counts[1];
      embedded += counts[2];
      done.add(file.file().name());
    }
    for (Parsed p : parsed) {
      if (p instanceof Parsed.Deletion d) {
        deleted += unitOfWork.inTransaction(() -> {
          entries.lockFile(owner, d.name());
          refused.forget(owner, List.of(d.name()));
          return entries.deleteFile(owner, d.name());
        });
        done.add(d.name());
      }
    }
    if (command.mode() == SyncMode.REGENERATE) {
      deleted += removeOthersOfUploadedTypes(owner, toIndex);
    }

    List<String> accepted = parsed.stream().map(Parsed::name).filter(done::contains).toList();
    rememberRefusals(owner, rejected);
    metrics.filesIndexed(accepted.size());
    metrics.filesRejected(rejected.size());
    metrics.chunksWritten(added, deleted);
    long millis = Math.max(1, java.time.Duration.between(started, clock.instant()).toMillis());
    LOG.log(Level.INFO,
        "Indexed {0} files for user {1} in {2} ms: {3} chunks added, {4} deleted, {5} embedded ({6} chunks/s), "
            + "{7} rejected",
        accepted.size(), owner, millis, added, deleted, embedded, embedded * 1000L / millis, rejected.size());
    return new IndexContentResult(accepted, rejected, added, deleted, embedded);
  }

  /** What was refused is listed for the user (files indexed or deleted stopped being listed in their own transaction). */
  private void rememberRefusals(UserId owner, List<RejectedFile> rejected) {
    if (rejected.isEmpty()) {
      return;
    }
    java.time.Instant now = clock.instant();
    unitOfWork.run(() -> {
      for (RejectedFile r : rejected) {
        refused.save(new RefusedFile(owner, r.name(), r.reason(), now));
      }
      refused.keepNewest(owner, ListRefusedFilesService.KEPT_PER_USER);
    });
  }

  private void checkQuota(UserId owner, List<UploadedFile> files) {
    long incoming = files.stream().mapToLong(f -> f.content().length).sum();
    if (incoming > limits.maxRequestBytes()) {
      throw new QuotaExceededException("Too much data indexed.");
    }
    if (limits.maxIndexedBytesPerUser() > 0
        && entries.indexedBytes(owner) + incoming > limits.maxIndexedBytesPerUser()) {
      throw new QuotaExceededException("Too much data indexed.");
    }
  }

  private Map<ContentHash, Chunk> byHash(Parsed.Sections file) {
    Map<ContentHash, Chunk> chunks = new LinkedHashMap<>();
    for (Chunk c : chunker.chunk(file.sections(), file.type() != ContentType.MARKDOWN && file.type() != ContentType.ORG)) {
      chunks.putIfAbsent(c.hash(), c);
    }
    return chunks;
  }

  /** Embeds, outside any transaction, every chunk the stored files do not already have. */
  private int embedMissing(UserId owner, List<FileChunks> files, Map<ContentHash, float[]> vectors) {
    Map<ContentHash, String> needed = new LinkedHashMap<>();
    for (FileChunks file : files) {
      Set<ContentHash> stored = entries.hashesOf(owner, file.file().name());
      file.chunks().forEach((hash, chunk) -> {
        if (!stored.contains(hash) && !vectors.containsKey(hash)) {
          needed.putIfAbsent(hash, chunk.compiled());
        }
      });
    }
    embed(needed, vectors);
    return needed.size();
  }

  /**
   * Embeds the texts, sharing work with concurrent uploads: a chunk another request is already embedding is waited
   * for, not embedded twice (clients fire many overlapping batches at once).
   */
  private void embed(Map<ContentHash, String> texts, Map<ContentHash, float[]> into) {
    List<ContentHash> mine = new ArrayList<>();
    Map<ContentHash, CompletableFuture<float[]>> theirs = new LinkedHashMap<>();
    Map<ContentHash, CompletableFuture<float[]>> claimed = new HashMap<>();
    for (ContentHash hash : texts.keySet()) {
      CompletableFuture<float[]> promise = new CompletableFuture<>();
      CompletableFuture<float[]> existing = inFlight.putIfAbsent(hash, promise);
      if (existing == null) {
        mine.add(hash);
        claimed.put(hash, promise);
      } else {
        theirs.put(hash, existing);
      }
    }
    try {
      for (int from = 0; from < mine.size(); from += limits.embedBatchSize()) {
        List<ContentHash> batch = mine.subList(from, Math.min(mine.size(), from + limits.embedBatchSize()));
        java.time.Instant t0 = clock.instant();
        List<float[]> out = embeddings.embedDocuments(batch.stream().map(texts::get).toList());
        metrics.chunksEmbedded(batch.size(), java.time.Duration.between(t0, clock.instant()).toNanos());
        for (int i = 0; i < batch.size(); i++) {
          into.put(batch.get(i), out.get(i));
          claimed.get(batch.get(i)).complete(out.get(i));
        }
      }
    } catch (RuntimeException e) {
      claimed.values().forEach(p -> p.completeExceptionally(e));
      throw e;
    } finally {
      claimed.keySet().forEach(inFlight::remove);
    }
    for (var entry : theirs.entrySet()) {
      try {
        into.put(entry.getKey(), entry.getValue().join());
      } catch (CompletionException e) {
        List<float[]> retry = embeddings.embedDocuments(List.of(texts.get(entry.getKey())));
        into.put(entry.getKey(), retry.getFirst());
      }
    }
  }

  private sealed interface Replace {
    record Done(int added, int deleted) implements Replace {}

    record NeedVectors(Map<ContentHash, String> missing) implements Replace {}
  }

  /** Returns {added, deleted, extra embedded}. */
  private int[] replace(UserId owner, FileChunks file, Map<ContentHash, float[]> vectors) {
    String name = file.file().name();
    int extraEmbedded = 0;
    for (int attempt = 1; attempt <= MAX_REPLACE_ATTEMPTS; attempt++) {
      Replace outcome = unitOfWork.inTransaction(() -> replaceLocked(owner, file, vectors));
      switch (outcome) {
        case Replace.Done done -> {
          return new int[] {done.added(), done.deleted(), extraEmbedded};
        }
        case Replace.NeedVectors need -> {
          embed(need.missing(), vectors);
          extraEmbedded += need.missing().size();
        }
      }
    }
    throw new IllegalStateException("file " + name + " kept changing under concurrent uploads; try again");
  }

  private Replace replaceLocked(UserId owner, FileChunks file, Map<ContentHash, float[]> vectors) {
    String name = file.file().name();
    entries.lockFile(owner, name);
    refused.forget(owner, List.of(name));
    Set<ContentHash> stored = entries.hashesOf(owner, name);
    Map<ContentHash, String> missing = new LinkedHashMap<>();
    file.chunks().forEach((hash, chunk) -> {
      if (!stored.contains(hash) && !vectors.containsKey(hash)) {
        missing.put(hash, chunk.compiled());
      }
    });
    if (!missing.isEmpty()) {
      return new Replace.NeedVectors(missing);
    }
    // the lock holds the stored set still: when the upload keeps every stored chunk there is nothing to delete
    int deleted = file.chunks().keySet().containsAll(stored) ? 0
        : entries.deleteChunksNotIn(owner, name, file.chunks().keySet());
    Map<Integer, UUID> corpusIds = new HashMap<>();
    List<StoredChunk> fresh = new ArrayList<>();
    file.chunks().forEach((hash, chunk) -> {
      if (!stored.contains(hash)) {
        UUID corpus = corpusIds.computeIfAbsent(chunk.sectionIndex(), i -> ids.newId());
        fresh.add(new StoredChunk(ids.newId(), chunk, file.storedType(), file.source(), corpus,
            vectors.get(hash), embeddings.id(), DateMentions.in(chunk.compiled())));
      }
    });
    if (!fresh.isEmpty()) {
      entries.insertChunks(owner, name, fresh);
    }
    if (!fresh.isEmpty() || deleted > 0 || !entries.hasFile(owner, name)) {
      entries.saveFile(new IndexedFile(ids.newId(), owner, name, file.storedType(), file.source(),
          file.file().fullText(), file.file().size(), clock.instant()));
    }
    return new Replace.Done(fresh.size(), deleted);
  }

  /** PUT: files of the uploaded types that were not in this upload are removed, each in its own transaction. */
  private int removeOthersOfUploadedTypes(UserId owner, List<FileChunks> uploaded) {
    Set<ContentType> types = EnumSet.noneOf(ContentType.class);
    Set<String> names = new HashSet<>();
    for (FileChunks f : uploaded) {
      types.add(f.storedType());
      names.add(f.file().name());
    }
    int deleted = 0;
    for (ContentType type : types) {
      for (String stale : entries.fileNames(owner, type)) {
        if (!names.contains(stale)) {
          deleted += unitOfWork.inTransaction(() -> {
            entries.lockFile(owner, stale);
            return entries.deleteFile(owner, stale);
          });
        }
      }
    }
    return deleted;
  }
}
