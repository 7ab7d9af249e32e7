package io.khoj4j.application.port.out.content;

import java.util.List;
import java.util.UUID;

/**
 * Keeps stored vectors consistent with the configured embedding model: the ANN index for its dimension, and the
 * entries still embedded by another model (re-embedded in batches by a background job, never mixed in one search).
 */
public interface EmbeddingMaintenance {

  /** Creates the approximate-nearest-neighbour index for this model's vectors if it is missing. */
  void ensureIndex(String modelId, int dimension);

  record Stale(UUID entryId, String compiled) {}

  /** Up to {@code limit} entries (any owner) whose vector is missing or was made by another model. */
  List<Stale> staleEntries(String modelId, int limit);

  void updateEmbedding(UUID entryId, float[] embedding, String modelId);

  long countStale(String modelId);
}
