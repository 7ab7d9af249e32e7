package io.khoj4j.application.port.out.search;

import java.util.List;

/**
 * Scores query/document pairs with a cross-encoder for a finer order than the first rankers give. Optional: when none
 * is configured, {@link #NONE} makes reranking a no-op.
 */
public interface Reranker {

  boolean available();

  /** Relevance of each document to the query in [0, 1], higher is better, in the documents' order. */
  List<Double> relevance(String query, List<String> documents);

  Reranker NONE = new Reranker() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public List<Double> relevance(String query, List<String> documents) {
      throw new UnsupportedOperationException("no reranker configured");
    }
  };
}
