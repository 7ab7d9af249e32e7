package io.khoj4j.application.port.in.content;

/** Keeps stored vectors on the configured embedding model: index at start, re-embedding in the background. */
public interface MaintainEmbeddingsUseCase {

  /** Ensures the vector index for the current model exists. */
  void prepareIndex();

  /** Re-embeds up to {@code batchSize} entries made by another model; returns how many were re-embedded. */
  int reembedStale(int batchSize);
}
