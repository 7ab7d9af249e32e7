package io.khoj4j.application.port.out.embedding;

import java.util.List;

/**
 * Turns text into vectors for semantic search. Documents and queries are embedded differently by some models (an
 * instruction prefix for queries), hence two methods. Vectors are normalized, so cosine distance applies.
 */
public interface EmbeddingModel {

  /** Stable identifier stored with every vector, e.g. {@code bge-small-en-v1.5-q}; a change means re-embedding. */
  String id();

  int dimension();

  /** One vector per text, in order. May call a remote service: never call it inside a transaction. */
  List<float[]> embedDocuments(List<String> texts);

  float[] embedQuery(String text);
}
