package io.khoj4j.application.port.in.content;

/** Keeps stored vectors on the configured embedding model: index at start, re-embedding in the background. */
public interface MaintainEmbeddingsUseCase {

  /**
   * Ensures the vector index for the current model exists. An embedding server that cannot be reached (its dimension
   * is asked of it) does not stop the caller: the index is then prepared on a later call, as the model answers.
   *
   * @return whether the index is ready; false while the embedding model cannot be reached
   */
  boolean prepareIndex();

  /**
   * Re-embeds up to {@code batchSize} entries made by another model, once the index is ready; returns how many were
   * re-embedded.
   */
  int reembedStale(int batchSize);
}
