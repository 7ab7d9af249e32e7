package io.khoj4j.adapter.persistence.out.content;

/**
 * How densely a model's HNSW vector index is built (pgvector's {@code m} and {@code ef_construction}): from {@code
 * khoj.search.vector.hnsw-m} and {@code khoj.search.vector.hnsw-ef-construction}. The default (32, 128) is twice as
 * dense as pgvector's own (16, 64): at a million entries of one owner it finds 0.82 of the true ten nearest at
 * {@code ef_search} 100 and 0.97 at 1,000, where pgvector's defaults found 0.69 and 0.91, for a build 2.4 times as
 * long; a graph cannot be densified later without a rebuild, {@code ef_search} can be raised at any time (ADR 36,
 * docs/benchmarks.md).
 *
 * @param m links per node on each layer (pgvector: 2 to 100)
 * @param efConstruction candidates kept while each node's links are chosen (pgvector: 4 to 1,000, at least 2m)
 */
public record HnswGraph(int m, int efConstruction) {

  /** The graph the server builds unless configured otherwise. */
  public static final HnswGraph DEFAULT = new HnswGraph(32, 128);

  /** pgvector's own defaults: the graph of an index built without options. */
  public static final HnswGraph PGVECTOR_DEFAULT = new HnswGraph(16, 64);

  public HnswGraph {
    if (m < 2 || m > 100) {
      throw new IllegalArgumentException(
          "khoj.search.vector.hnsw-m must be between 2 and 100, not " + m);
    }
    if (efConstruction < 2 * m || efConstruction > 1000) {
      throw new IllegalArgumentException(
          "khoj.search.vector.hnsw-ef-construction must be between twice hnsw-m (" + 2 * m
              + ") and 1000, not " + efConstruction);
    }
  }

  /** The graph an index was built with, from its storage parameters ({@code pg_class.reloptions}: "m=32", ...). */
  static HnswGraph of(java.util.List<String> reloptions) {
    int m = PGVECTOR_DEFAULT.m();
    int efConstruction = PGVECTOR_DEFAULT.efConstruction();
    for (String option : reloptions) {
      String[] kv = option.split("=", 2);
      if (kv.length == 2 && kv[0].equals("m")) {
        m = Integer.parseInt(kv[1]);
      } else if (kv.length == 2 && kv[0].equals("ef_construction")) {
        efConstruction = Integer.parseInt(kv[1]);
      }
    }
    return new HnswGraph(m, efConstruction);
  }

  /**
   * The statement that builds the index of one model's vectors, with this graph's parameters.
   *
   * @param concurrently built beside writes and only when missing, as the server does at start-up
   */
  public String indexSql(String modelId, int dimension, boolean concurrently) {
    return "create index " + (concurrently ? "concurrently if not exists " : "")
        + PgVectorEntryRepository.indexName(modelId)
        + " on entries using hnsw ((embedding::vector(" + dimension + ")) vector_cosine_ops)"
        + " with (m = " + m + ", ef_construction = " + efConstruction + ")"
        + " where model_id = '" + modelId.replace("'", "''") + "'";
  }
}
