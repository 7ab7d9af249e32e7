package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.NaturalDateParser;
import io.khoj4j.application.port.out.search.Reranker;
import io.khoj4j.application.service.search.DateFilterResolver;
import io.khoj4j.application.service.search.SearchEntriesService;
import io.khoj4j.application.service.search.SearchMode;
import io.khoj4j.application.service.search.SearchSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Search: hybrid ranking over the rankers the adapters provide, filters, optional reranking. */
@ApplicationScoped
public class SearchProducers {

  @Produces
  @Singleton
  SearchSettings searchSettings(
      @ConfigProperty(name = "khoj.search.mode", defaultValue = "hybrid") String mode,
      @ConfigProperty(name = "khoj.search.candidates", defaultValue = "50") int candidates,
      @ConfigProperty(name = "khoj.search.rrf-k", defaultValue = "60") int rrfK,
      @ConfigProperty(name = "khoj.search.keyword-weight", defaultValue = "1.0") double keywordWeight,
      @ConfigProperty(name = "khoj.timezone", defaultValue = "UTC") String zone) {
    return new SearchSettings(SearchMode.of(mode), candidates, rrfK, keywordWeight, ZoneId.of(zone));
  }

  @Produces
  @Singleton
  DateFilterResolver dateFilterResolver(NaturalDateParser parser) {
    return new DateFilterResolver(parser);
  }

  @Produces
  @Singleton
  SearchEntriesService searchEntries(EmbeddingModel embeddings, Instance<EntryRanker> rankers, Reranker reranker,
      DateFilterResolver dates, Clock clock, SearchSettings settings) {
    return new SearchEntriesService(embeddings, rankers.stream().toList(), reranker, dates, clock, settings);
  }
}
