package io.khoj4j.adapter.llm.out.embedding;

import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Chooses the embedding model from configuration: an in-process ONNX model by default, or an OpenAI-compatible
 * server ({@code khoj.embedding.model=openai}).
 */
@ApplicationScoped
public class EmbeddingModelProducer {

  private static final Logger LOG = Logger.getLogger(EmbeddingModelProducer.class);

  private final String model;
  private final Optional<String> baseUrl;
  private final Optional<String> apiKey;
  private final String remoteModel;
  private final Optional<Integer> dimensions;
  private final int batchSize;
  private final Duration timeout;
  private final Optional<Integer> threads;
  private final int queryCacheSize;

  public EmbeddingModelProducer(
      @ConfigProperty(name = "khoj.embedding.model", defaultValue = "bge-small-en-v1.5-q")
          String model,
      @ConfigProperty(name = "khoj.embedding.openai.base-url") Optional<String> baseUrl,
      @ConfigProperty(name = "khoj.embedding.openai.api-key") Optional<String> apiKey,
      @ConfigProperty(name = "khoj.embedding.openai.model", defaultValue = "text-embedding-3-small")
          String remoteModel,
      @ConfigProperty(name = "khoj.embedding.openai.dimensions") Optional<Integer> dimensions,
      @ConfigProperty(name = "khoj.embedding.openai.batch-size", defaultValue = "1000")
          int batchSize,
      @ConfigProperty(name = "khoj.embedding.openai.timeout", defaultValue = "PT60S")
          Duration timeout,
      @ConfigProperty(name = "khoj.embedding.threads") Optional<Integer> threads,
      @ConfigProperty(name = "khoj.embedding.query-cache-size", defaultValue = "2000")
          int queryCacheSize) {
    this.model = model;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.remoteModel = remoteModel;
    this.dimensions = dimensions;
    this.batchSize = batchSize;
    this.timeout = timeout;
    this.threads = threads;
    this.queryCacheSize = queryCacheSize;
  }

  @Produces
  @Singleton
  EmbeddingModel embeddingModel(Instance<OpenTelemetry> telemetry) {
    Tracer tracer =
        (telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop()).getTracer("khoj4j");
    EmbeddingModel traced = new TracedEmbeddingModel(chosenModel(), tracer);
    // outside the spans: a query answered from the cache costs no embedding and shows none
    return queryCacheSize > 0 ? new QueryCachingEmbeddingModel(traced, queryCacheSize) : traced;
  }

  private EmbeddingModel chosenModel() {
    if ("openai".equalsIgnoreCase(model)) {
      String url = baseUrl.orElseThrow(() -> new IllegalStateException(
          "khoj.embedding.model=openai needs khoj.embedding.openai.base-url"));
      LOG.infof("Embeddings from %s (model %s)", url, remoteModel);
      return new OpenAiCompatibleEmbeddingModel(
          url, apiKey.orElse(""), remoteModel, dimensions.orElse(null), batchSize, timeout, 3);
    }
    OnnxEmbeddingModel.Variant variant = OnnxEmbeddingModel.Variant.of(model);
    int n = threads.orElse(Runtime.getRuntime().availableProcessors());
    LOG.infof("Embeddings in process with %s, %d texts at once", variant.id(), n);
    return new LazyEmbeddingModel(
        variant.id(), 384, () -> new OnnxEmbeddingModel(variant, true, n));
  }

  /** At shutdown (and on a dev-mode reload) the in-process model's threads and native session are freed. */
  void close(@Disposes EmbeddingModel model) {
    if (model instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("closing the embedding model failed", e);
      }
    }
  }
}
