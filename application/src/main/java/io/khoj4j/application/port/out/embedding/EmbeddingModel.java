package io.khoj4j.application.port.out.embedding;

import java.util.List;
import java.util.Optional;

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
   * The name this model's vectors are known by outside this server (its name at the vendor or on Hugging Face), when
   * it makes the vectors any other user of that name makes for a document: then vectors another server stored under
   * that name can be kept (an import from Khoj). Empty for a model only this server runs (the quantized in-process
   * ones).
   */
  default Optional<String> publishedName() {
    return Optional.empty();
  }

  /**
   * One vector per text, in the order of the texts; none (and no call to any service) for an empty list. May call a
   * remote service: never call it inside a transaction.
   */
  List<float[]> embedDocuments(List<String> texts);

  float[] embedQuery(String text);
}
