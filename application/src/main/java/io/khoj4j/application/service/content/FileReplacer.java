package io.khoj4j.application.service.content;

import io.khoj4j.application.port.in.content.ConnectorRemovedException;
import io.khoj4j.application.port.out.connector.ConnectorHold;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.application.port.out.content.StoredChunk;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.DateMentions;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.user.UserId;
import java.nio.charset.StandardCharsets;
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

/**
 * Writes files into the index, each in its own transaction under a per-file lock: chunks no longer present are
 * deleted, new ones inserted, so a crash leaves each file entirely old or entirely new and concurrent uploads of one
 * file serialise. If another writer removed chunks this upload meant to keep, the missing ones are embedded outside
 * the transaction and the file is replaced again. A connector's file is written only while its connector is set up,
 * holding it until the file's transaction ends ({@link ConnectorHold}).
 */
final class FileReplacer {

  private static final int MAX_REPLACE_ATTEMPTS = 5;

  private final EntryRepository entries;
  private final RefusedFileRepository refused;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;
  private final SharedEmbedder embedder;
  private final EmbeddingModel embeddings;
  private final ConnectorHold connectors;

  FileReplacer(
      EntryRepository entries,
      RefusedFileRepository refused,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock,
      SharedEmbedder embedder,
      EmbeddingModel embeddings,
      ConnectorHold connectors) {
    this.connectors = connectors;
    this.entries = entries;
    this.refused = refused;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
    this.embedder = embedder;
    this.embeddings = embeddings;
  }

  /** What replacing one file did. */
  record Counts(int added, int deleted, int embedded) {}

  private sealed interface Outcome {
    record Done(int added, int deleted) implements Outcome {}

    record NeedVectors(Map<ContentHash, String> missing) implements Outcome {}
  }

  /**
   * Replaces the stored file by {@code file}; {@code vectors} holds (and gains) the vectors of its new chunks.
   * {@code wasRefused}: the owner had a refusal of this name when the upload began, forgotten with the replacement.
   * {@code whileConnected}: a connector's sync, which writes nothing once the connector is gone.
   *
   * @throws ConnectorRemovedException the file's connector was removed, and nothing was written
   */
  Counts replace(
      UserId owner,
      FileChunks file,
      Map<ContentHash, float[]> vectors,
      boolean wasRefused,
      boolean whileConnected) {
    int extraEmbedded = 0;
    for (int attempt = 1; attempt <= MAX_REPLACE_ATTEMPTS; attempt++) {
      Outcome outcome = unitOfWork.inTransaction(() -> {
        // first, before locking any row the removal will delete (it would wait on us, we on it)
        if (whileConnected && !connectors.hold(owner, file.source())) {
          throw new ConnectorRemovedException(file.source());
        }
        return replaceLocked(owner, file, vectors, wasRefused);
      });
      switch (outcome) {
        case Outcome.Done done -> {
          return new Counts(done.added(), done.deleted(), extraEmbedded);
        }
        case Outcome.NeedVectors need -> {
          embedder.embed(need.missing(), vectors);
          extraEmbedded += need.missing().size();
        }
      }
    }
    throw new IllegalStateException(
        "file " + file.name() + " kept changing under concurrent uploads; try again");
  }

  private Outcome replaceLocked(
      UserId owner, FileChunks file, Map<ContentHash, float[]> vectors, boolean wasRefused) {
    String name = file.name();
    entries.lockFile(owner, name);
    if (wasRefused) {
      refused.forget(owner, List.of(name));
    }
    Set<ContentHash> stored = entries.hashesOf(owner, name);
    Map<ContentHash, String> missing = new LinkedHashMap<>();
    file.chunks().forEach((hash, chunk) -> {
      if (!stored.contains(hash) && !vectors.containsKey(hash)) {
        missing.put(hash, chunk.compiled());
      }
    });
    if (!missing.isEmpty()) {
      return new Outcome.NeedVectors(missing);
    }
    // the lock holds the stored set still: when the upload keeps every stored chunk there is
    // nothing to delete
    int deleted = file.chunks().keySet().containsAll(stored)
        ? 0
        : entries.deleteChunksNotIn(owner, name, file.chunks().keySet());
    List<StoredChunk> fresh = freshChunks(file, stored, vectors);
    if (!fresh.isEmpty()) {
      entries.insertChunks(owner, name, fresh);
    }
    if (!fresh.isEmpty() || deleted > 0 || !entries.hasFile(owner, name)) {
      entries.saveFile(new IndexedFile(
          ids.newId(),
          owner,
          name,
          file.storedType(),
          file.source(),
          file.file().fullText(),
          file.file().size(),
          indexedBytes(file),
          clock.instant()));
    }
    return new Outcome.Done(fresh.size(), deleted);
  }

  /** The UTF-8 size of the file's chunks' text: after the replacement they are exactly its stored chunks. */
  private static long indexedBytes(FileChunks file) {
    long bytes = 0;
    for (var chunk : file.chunks().values()) {
      bytes += chunk.compiled().getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  /** The file's chunks not yet stored; chunks of one section share a corpus id. */
  private List<StoredChunk> freshChunks(
      FileChunks file, Set<ContentHash> stored, Map<ContentHash, float[]> vectors) {
    Map<Integer, UUID> corpusIds = new HashMap<>();
    List<StoredChunk> fresh = new ArrayList<>();
    file.chunks().forEach((hash, chunk) -> {
      if (!stored.contains(hash)) {
        UUID corpus = corpusIds.computeIfAbsent(chunk.sectionIndex(), i -> ids.newId());
        fresh.add(new StoredChunk(
            ids.newId(),
            chunk,
            file.storedType(),
            file.source(),
            corpus,
            vectors.get(hash),
            embeddings.id(),
            DateMentions.in(chunk.compiled())));
      }
    });
    return fresh;
  }

  /** Deletes a file the client said is gone (forgetting its refusal, if it had one); returns the chunks deleted. */
  int delete(UserId owner, String name, boolean wasRefused) {
    return unitOfWork.inTransaction(() -> {
      entries.lockFile(owner, name);
      if (wasRefused) {
        refused.forget(owner, List.of(name));
      }
      return entries.deleteFile(owner, name);
    });
  }

  /**
   * PUT: files of the uploaded types that the client's upload did not name ({@code named}: every name of its
   * request, of which {@code uploaded} may be one part) are removed, each in its own transaction.
   */
  int removeOthersOfUploadedTypes(UserId owner, List<FileChunks> uploaded, Set<String> named) {
    Set<ContentType> types = EnumSet.noneOf(ContentType.class);
    Set<String> names = new HashSet<>(named);
    for (FileChunks f : uploaded) {
      types.add(f.storedType());
      names.add(f.name());
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
