package io.khoj4j.adapter.llm.out.embedding;

import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An in-process model loaded on its first embedding, not at start-up: reading the ONNX file and creating the
 * native session is the largest single cost of starting, and a server that only serves sign-in or chat history
 * never needs it. {@link #id()} and {@link #dimension()} are known without loading.
 */
final class LazyEmbeddingModel implements EmbeddingModel, AutoCloseable {

  private final String id;
  private final int dimension;
  private final Supplier<? extends EmbeddingModel> loader;
  private volatile EmbeddingModel loaded;
  private boolean closed;

  LazyEmbeddingModel(String id, int dimension, Supplier<? extends EmbeddingModel> loader) {
    this.id = id;
    this.dimension = dimension;
    this.loader = loader;
  }

  boolean isLoaded() {
    return loaded != null;
  }

  private EmbeddingModel model() {
    EmbeddingModel model = loaded;
    if (model == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the embedding model is closed");
        }
        model = loaded;
        if (model == null) {
          model = loader.get();
          loaded = model;
        }
      }
    }
    return model;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Optional<String> publishedName() {
    return model().publishedName();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return texts.isEmpty() ? List.of() : model().embedDocuments(texts);
  }

  @Override
  public float[] embedQuery(String text) {
    return model().embedQuery(text);
  }

  @Override
  public synchronized void close() throws Exception {
    closed = true;
    if (loaded instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
