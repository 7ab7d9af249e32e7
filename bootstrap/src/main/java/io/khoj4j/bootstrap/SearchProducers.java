package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.EntryTexts;
import io.khoj4j.application.port.out.search.NaturalDateParser;
import io.khoj4j.application.port.out.search.Reranker;
import io.khoj4j.application.service.search.DateFilterResolver;
import io.khoj4j.application.service.search.SearchEntriesService;
import io.khoj4j.application.service.search.SearchMode;
import io.khoj4j.application.service.search.SearchSettings;
import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Search: hybrid ranking over the rankers the adapters provide, filters, optional reranking. */
@ApplicationScoped
public class SearchProducers {

  private volatile ExecutorService rankerPool;

  @Produces
  @Singleton
  SearchSettings searchSettings(
      @ConfigProperty(name = "khoj.search.mode", defaultValue = "hybrid") String mode,
      @ConfigProperty(name = "khoj.search.candidates", defaultValue = "100") int candidates,
      @ConfigProperty(name = "khoj.search.fusion", defaultValue = "convex") String fusion,
      @ConfigProperty(name = "khoj.search.rrf-k", defaultValue = "60") int rrfK,
      @ConfigProperty(name = "khoj.search.keyword-weight", defaultValue = "1.0")
          double keywordWeight,
      @ConfigProperty(name = "khoj.search.vector-weight", defaultValue = "0.95")
          double vectorWeight,
      @ConfigProperty(name = "khoj.search.section-weight", defaultValue = "1.0")
          double sectionWeight,
      @ConfigProperty(name = "khoj.timezone", defaultValue = "UTC") String zone,
      @ConfigProperty(name = "khoj.search.rerank-weight") Optional<Double> rerankWeight) {
    return new SearchSettings(
        SearchMode.of(mode),
        candidates,
        SearchSettings.Fusion.of(fusion),
        rrfK,
        keywordWeight,
        vectorWeight,
        sectionWeight,
        ZoneId.of(zone),
        rerankWeight.orElse(SearchSettings.DEFAULT_RERANK_WEIGHT));
  }

  @Produces
  @Singleton
  DateFilterResolver dateFilterResolver(NaturalDateParser parser) {
    return new DateFilterResolver(parser);
  }

  @Produces
  @Singleton
  SearchEntriesService searchEntries(
      EmbeddingModel embeddings,
      Instance<EntryRanker> rankers,
      EntryTexts texts,
      Reranker reranker,
      DateFilterResolver dates,
      Clock clock,
      SearchSettings settings,
      @ConfigProperty(name = "khoj.search.ranker-threads") Optional<Integer> configuredThreads) {
    // by default half the cores: a lone search gets both rankers at once, a busy server is not
    // slowed by hand-offs
    int rankerThreads =
        configuredThreads.orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    if (rankerThreads < 0) {
      throw new IllegalArgumentException("khoj.search.ranker-threads must be 0 or more");
    }
    if (rankerThreads == 0) {
      return new SearchEntriesService(
          embeddings, rankers.stream().toList(), texts, reranker, dates, clock, settings);
    }
    // no queue: when every thread is busy the pool refuses the ranker and the request's own thread
    // runs it, so searches never wait on each other for a pool thread
    AtomicInteger n = new AtomicInteger();
    rankerPool = new ThreadPoolExecutor(
        0,
        rankerThreads,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread t = new Thread(task, "search-ranker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
    // the pool's tasks carry the request's trace context, so each ranker's span is a child of
    // the search's
    return new SearchEntriesService(
        embeddings,
        rankers.stream().toList(),
        texts,
        reranker,
        dates,
        clock,
        settings,
        Context.taskWrapping(rankerPool));
  }

  @PreDestroy
  void stop() {
    ExecutorService pool = rankerPool;
    if (pool != null) {
      pool.shutdown();
    }
  }
}
