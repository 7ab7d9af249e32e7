package io.khoj4j.adapter.llm.out.embedding;

import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Chooses the embedding model from configuration: an in-process ONNX model by default, or an OpenAI-compatible
 * server ({@code khoj.embedding.model=openai}).
 */
@ApplicationScoped
public class EmbeddingModelProducer {

  private static final Logger LOG = Logger.getLogger(EmbeddingModelProducer.class);

  private final EmbeddingSettings settings;

  public EmbeddingModelProducer(EmbeddingSettings settings) {
    this.settings = settings;
  }

  /** {@code khoj.embedding.*}: which model embeds, and how (docs/configuration.md). */
  @ConfigMapping(prefix = "khoj.embedding")
  public interface EmbeddingSettings {

    /** An in-process model's name, or {@code openai} for an OpenAI-compatible server. */
    @WithDefault("bge-small-en-v1.5-q")
    String model();

    /** In-process models: texts of a batch embedded at once; the number of cores when absent. */
    Optional<Integer> threads();

    /** Recent queries whose vectors are kept; 0 keeps none. */
    @WithDefault("2000")
    int queryCacheSize();

    OpenAi openai();

    /** The OpenAI-compatible {@code /embeddings} server. */
    interface OpenAi {
      Optional<String> baseUrl();

      Optional<String> apiKey();

      @WithDefault("text-embedding-3-small")
      String model();

      Optional<Integer> dimensions();

      @WithDefault("1000")
      int batchSize();

      @WithDefault("PT60S")
      Duration timeout();
    }
  }

  @Produces
  @Singleton
  EmbeddingModel embeddingModel(Instance<OpenTelemetry> telemetry) {
    Tracer tracer =
        (telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop()).getTracer("khoj4j");
    EmbeddingModel traced = new TracedEmbeddingModel(chosenModel(), tracer);
    // outside the spans: a query answered from the cache costs no embedding and shows none
    int queryCacheSize = settings.queryCacheSize();
    return queryCacheSize > 0 ? new QueryCachingEmbeddingModel(traced, queryCacheSize) : traced;
  }

  private EmbeddingModel chosenModel() {
    if ("openai".equalsIgnoreCase(settings.model())) {
      EmbeddingSettings.OpenAi remote = settings.openai();
      String url = remote
          .baseUrl()
          .orElseThrow(() -> new IllegalStateException(
              "khoj.embedding.model=openai needs khoj.embedding.openai.base-url"));
      LOG.infof("Embeddings from %s (model %s)", url, remote.model());
      return new OpenAiCompatibleEmbeddingModel(
          url,
          remote.apiKey().orElse(""),
          remote.model(),
          remote.dimensions().orElse(null),
          remote.batchSize(),
          remote.timeout(),
          3);
    }
    OnnxEmbeddingModel.Variant variant = OnnxEmbeddingModel.Variant.of(settings.model());
    int n = settings.threads().orElse(Runtime.getRuntime().availableProcessors());
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
