package io.khoj4j.application.service.content;

import io.khoj4j.application.port.out.content.IndexingMetrics;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.domain.content.ContentHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeds chunk texts in batches, sharing work between concurrent uploads: a chunk another request is already embedding
 * is waited for, not embedded twice (clients fire many overlapping batches at once). One per indexing service.
 */
final class SharedEmbedder {

  private final EmbeddingModel embeddings;
  private final IndexingMetrics metrics;
  private final Clock clock;
  private final int batchSize;
  private final Map<ContentHash, CompletableFuture<float[]>> inFlight = new ConcurrentHashMap<>();

  SharedEmbedder(EmbeddingModel embeddings, IndexingMetrics metrics, Clock clock, int batchSize) {
    this.embeddings = embeddings;
    this.metrics = metrics;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** Puts a vector for every text into {@code into}; texts claimed by another upload are awaited. */
  void embed(Map<ContentHash, String> texts, Map<ContentHash, float[]> into) {
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
      embedClaimed(mine, texts, claimed, into);
    } catch (RuntimeException e) {
      claimed.values().forEach(p -> p.completeExceptionally(e));
      throw e;
    } finally {
      claimed.keySet().forEach(inFlight::remove);
    }
    awaitTheirs(theirs, texts, into);
  }

  private void embedClaimed(
      List<ContentHash> mine,
      Map<ContentHash, String> texts,
      Map<ContentHash, CompletableFuture<float[]>> claimed,
      Map<ContentHash, float[]> into) {
    for (int from = 0; from < mine.size(); from += batchSize) {
      List<ContentHash> batch = mine.subList(from, Math.min(mine.size(), from + batchSize));
      Instant t0 = clock.instant();
      List<float[]> out =
          embeddings.embedDocuments(batch.stream().map(texts::get).toList());
      metrics.chunksEmbedded(batch.size(), Duration.between(t0, clock.instant()).toNanos());
      for (int i = 0; i < batch.size(); i++) {
        into.put(batch.get(i), out.get(i));
        claimed.get(batch.get(i)).complete(out.get(i));
      }
    }
  }

  /** Another upload's failure is not ours: a chunk it failed to embed is embedded here. */
  private void awaitTheirs(
      Map<ContentHash, CompletableFuture<float[]>> theirs,
      Map<ContentHash, String> texts,
      Map<ContentHash, float[]> into) {
    for (var entry : theirs.entrySet()) {
      try {
        into.put(entry.getKey(), entry.getValue().join());
      } catch (CompletionException e) {
        List<float[]> retry = embeddings.embedDocuments(List.of(texts.get(entry.getKey())));
        into.put(entry.getKey(), retry.getFirst());
      }
    }
  }
}
