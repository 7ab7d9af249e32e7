package io.khoj4j.adapter.persistence.out.content;

import java.util.List;
import java.util.Optional;

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

  /** The most dimensions pgvector's graph holds at single precision ({@code vector}). */
  static final int MAX_SINGLE_DIMENSIONS = 2000;

  /** The most dimensions pgvector's graph holds at all, at half precision ({@code halfvec}). */
  static final int MAX_HALF_DIMENSIONS = 4000;

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
  static HnswGraph of(List<String> reloptions) {
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
   * The type a model's vectors are cast to in its graph, which a walk of the graph must order by: {@code vector(n)} up
   * to 2,000 dimensions, {@code halfvec(n)} up to 4,000 (pgvector's limits for an HNSW index: models such as OpenAI's
   * text-embedding-3-large and Gemini's embeddings have 3,072), none beyond, where every search scans exactly. The
   * stored vectors keep single precision either way, and distances are computed from them.
   */
  public static Optional<String> graphType(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("bad vector dimension " + dimension);
    }
    if (dimension <= MAX_SINGLE_DIMENSIONS) {
      return Optional.of("vector(" + dimension + ")");
    }
    if (dimension <= MAX_HALF_DIMENSIONS) {
      return Optional.of("halfvec(" + dimension + ")");
    }
    return Optional.empty();
  }

  /**
   * The statement that builds the index of one model's vectors, with this graph's parameters; none for a model of more
   * dimensions than pgvector's graph holds ({@link #graphType}).
   *
   * @param concurrently built beside writes and only when missing, as the server does at start-up
   */
  public Optional<String> indexSql(String modelId, int dimension, boolean concurrently) {
    return graphType(dimension)
        .map(type -> "create index "
            + (concurrently ? "concurrently if not exists " : "")
            + PgVectorEntryRepository.indexName(modelId)
            + " on entries using hnsw ((embedding::" + type + ") "
            + type.substring(0, type.indexOf('(')) + "_cosine_ops)"
            + " with (m = " + m + ", ef_construction = " + efConstruction + ")"
            + " where model_id = '" + modelId.replace("'", "''") + "'");
  }
}
