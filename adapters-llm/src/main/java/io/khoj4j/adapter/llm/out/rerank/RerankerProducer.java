package io.khoj4j.adapter.llm.out.rerank;

import io.khoj4j.application.port.out.search.Reranker;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The reranker from configuration; without {@code khoj.search.reranker.url}, reranking is a no-op. */
@ApplicationScoped
public class RerankerProducer {

  private static final Logger LOG = Logger.getLogger(RerankerProducer.class);

  private final RerankerSettings settings;

  public RerankerProducer(RerankerSettings settings) {
    this.settings = settings;
  }

  /** {@code khoj.search.reranker.*}: the HTTP reranker (docs/configuration.md). */
  @ConfigMapping(prefix = "khoj.search.reranker")
  public interface RerankerSettings {

    Optional<String> url();

    /** {@code cohere} or {@code tei}: the reranker's wire format. */
    @WithDefault("cohere")
    String api();

    Optional<String> model();

    Optional<String> apiKey();

    @WithDefault("PT10S")
    Duration timeout();
  }

  @Produces
  @Singleton
  Reranker reranker() {
    Optional<String> url = settings.url().filter(u -> !u.isBlank());
    if (url.isEmpty()) {
      LOG.info("No reranker configured (khoj.search.reranker.url): r=true keeps the ranking order");
      return Reranker.NONE;
    }
    LOG.infof("Reranking with %s (%s)", url.get(), settings.api());
    return new HttpReranker(
        URI.create(url.get()),
        HttpReranker.Dialect.valueOf(settings.api().toUpperCase(Locale.ROOT)),
        settings.model().orElse(null),
        settings.apiKey().orElse(null),
        settings.timeout(),
        Duration.ofMillis(500));
  }
}
