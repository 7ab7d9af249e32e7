package io.khoj4j.adapter.llm.out.embedding;

import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An embedding model whose calls are spans ({@code embed.query}, {@code embed.documents}) with the model and the
 * number of texts as attributes (ADR 0029). Closes what it wraps when that can be closed.
 */
final class TracedEmbeddingModel implements EmbeddingModel, AutoCloseable {

  private final EmbeddingModel model;
  private final Tracer tracer;

  TracedEmbeddingModel(EmbeddingModel model, Tracer tracer) {
    this.model = model;
    this.tracer = tracer;
  }

  EmbeddingModel wrapped() {
    return model;
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
    return traced("embed.documents", texts.size(), () -> model.embedDocuments(texts));
  }

  @Override
  public float[] embedQuery(String text) {
    return traced("embed.query", 1, () -> model.embedQuery(text));
  }

  private <T> T traced(String name, int texts, Supplier<T> call) {
    Span span = tracer
        .spanBuilder(name)
        .setAttribute("khoj.embedding.model", model.id())
        .setAttribute("khoj.embedding.texts", texts)
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return call.get();
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }

  @Override
  public void close() throws Exception {
    if (model instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
