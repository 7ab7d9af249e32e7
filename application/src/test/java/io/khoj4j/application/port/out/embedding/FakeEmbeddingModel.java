package io.khoj4j.application.port.out.embedding;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fake: a bag-of-words vector (each lower-cased word hashed into one of 64 dimensions), normalized. Texts sharing
 * words are close, so search tests can reason about ranking. Counts how many texts it embedded.
 */
public final class FakeEmbeddingModel implements EmbeddingModel {

  public static final int DIMENSION = 64;
  private final String id;
  private final Optional<String> publishedName;
  private final AtomicInteger embedded = new AtomicInteger();

  public FakeEmbeddingModel() {
    this("fake-bag-of-words");
  }

  public FakeEmbeddingModel(String id) {
    this(id, null);
  }

  /** A model whose vectors other servers also make under {@code publishedName} (null: only this server's). */
  public FakeEmbeddingModel(String id, String publishedName) {
    this.id = id;
    this.publishedName = Optional.ofNullable(publishedName);
  }

  @Override
  public Optional<String> publishedName() {
    return publishedName;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    embedded.addAndGet(texts.size());
    return texts.stream().map(FakeEmbeddingModel::vector).toList();
  }

  @Override
  public float[] embedQuery(String text) {
    return vector(text);
  }

  public int embeddedCount() {
    return embedded.get();
  }

  public static float[] vector(String text) {
    float[] v = new float[DIMENSION];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        int h = 0;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
          h = 31 * h + b;
        }
        v[Math.floorMod(h, DIMENSION)] += 1;
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      v[0] = 1;
      return v;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / Math.sqrt(norm));
    }
    return v;
  }
}
