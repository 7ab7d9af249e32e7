package io.khoj4j.application.port.out.embedding;

import java.util.List;

/**
 * Turns text into vectors for semantic search. Documents and queries are embedded differently by some models (an
 * instruction prefix for queries), hence two methods. Vectors are normalized, so cosine distance applies, and have
 * {@link #dimension()} components. A text gets the same vector alone, again, or within a batch; a blank text gets one
 * too. {@code EmbeddingModelContract} in the test-jar holds every implementation to this.
 */
public interface EmbeddingModel {

  /** Stable identifier stored with every vector, e.g. {@code bge-small-en-v1.5-q}; a change means re-embedding. */
  String id();

  int dimension();

  /**
   * One vector per text, in the order of the texts; none (and no call to any service) for an empty list. May call a
   * remote service: never call it inside a transaction.
   */
  List<float[]> embedDocuments(List<String> texts);

  float[] embedQuery(String text);
}
