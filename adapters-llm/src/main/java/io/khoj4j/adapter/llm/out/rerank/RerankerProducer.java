package io.khoj4j.adapter.llm.out.rerank;

import io.khoj4j.application.port.out.search.Reranker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The reranker from configuration; without {@code khoj.search.reranker.url}, reranking is a no-op. */
@ApplicationScoped
public class RerankerProducer {

  private static final Logger LOG = Logger.getLogger(RerankerProducer.class);

  private final Optional<String> url;
  private final String dialect;
  private final Optional<String> model;
  private final Optional<String> apiKey;
  private final Duration timeout;

  public RerankerProducer(
      @ConfigProperty(name = "khoj.search.reranker.url") Optional<String> url,
      @ConfigProperty(name = "khoj.search.reranker.api", defaultValue = "cohere") String dialect,
      @ConfigProperty(name = "khoj.search.reranker.model") Optional<String> model,
      @ConfigProperty(name = "khoj.search.reranker.api-key") Optional<String> apiKey,
      @ConfigProperty(name = "khoj.search.reranker.timeout", defaultValue = "PT10S")
          Duration timeout) {
    this.url = url;
    this.dialect = dialect;
    this.model = model;
    this.apiKey = apiKey;
    this.timeout = timeout;
  }

  @Produces
  @Singleton
  Reranker reranker() {
    if (url.isEmpty() || url.get().isBlank()) {
      LOG.info("No reranker configured (khoj.search.reranker.url): r=true keeps the ranking order");
      return Reranker.NONE;
    }
    LOG.infof("Reranking with %s (%s)", url.get(), dialect);
    return new HttpReranker(
        URI.create(url.get()),
        HttpReranker.Dialect.valueOf(dialect.toUpperCase(Locale.ROOT)),
        model.orElse(null),
        apiKey.orElse(null),
        timeout,
        Duration.ofMillis(500));
  }
}
