package io.khoj4j.adapter.llm.out.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Remembers the vectors of recent search queries, so a query searched again (Obsidian searches as the user types and
 * again on every refocus; chat turns repeat their queries) is not embedded again. Bounded by count, least recently
 * used first out (Caffeine's W-TinyLFU); keyed by the text with its whitespace normalised, nothing else: a prefix of
 * an earlier query is another query and is embedded. Document embeddings are never cached. Each caller gets its own
 * copy of a vector. Evictions run on the calling thread (a few map operations), so the bound holds at once.
 */
final class QueryCachingEmbeddingModel implements EmbeddingModel, AutoCloseable {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final EmbeddingModel model;
  private final Cache<String, float[]> vectors;

  QueryCachingEmbeddingModel(EmbeddingModel model, long maxQueries) {
    if (maxQueries < 1) {
      throw new IllegalArgumentException("the query cache holds at least one query: " + maxQueries);
    }
    this.model = model;
    this.vectors = Caffeine.newBuilder()
        .maximumSize(maxQueries)
        .executor(Runnable::run)
        .recordStats()
        .build();
  }

  @Override
  public String id() {
    return model.id();
  }

  @Override
  public Optional<String> publishedName() {
    return model.publishedName();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return model.embedDocuments(texts);
  }

  @Override
  public float[] embedQuery(String text) {
    String key = WHITESPACE.matcher(text.strip()).replaceAll(" ");
    return vectors.get(key, k -> model.embedQuery(text)).clone();
  }

  /** Hits, misses and evictions so far. */
  CacheStats stats() {
    return vectors.stats();
  }

  @Override
  public void close() throws Exception {
    if (model instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
