package io.khoj4j.adapter.connector.out.web.search;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.WebSearch;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured search providers in Khoj's order (Serper, Exa, Firecrawl, Google, SearXNG): the first that finds
 * something answers; one that fails or finds nothing hands over to the next. When every provider failed, the turn
 * is told why (each provider's reason); when they only found nothing, the results are empty.
 */
public final class FallbackWebSearch implements WebSearch {

  private static final Logger LOG = System.getLogger(FallbackWebSearch.class.getName());
  private final List<WebSearch> providers;

  public FallbackWebSearch(List<WebSearch> providers) {
    this.providers = List.copyOf(providers);
  }

  @Override
  public boolean available() {
    return providers.stream().anyMatch(WebSearch::available);
  }

  @Override
  public Results search(Query query) {
    List<String> failures = new ArrayList<>();
    boolean answered = false;
    for (WebSearch provider : providers) {
      if (!provider.available()) {
        continue;
      }
      try {
        Results results = provider.search(query);
        if (!results.isEmpty()) {
          return results;
        }
        answered = true;
      } catch (UpstreamFailureException e) {
        LOG.log(
            Level.WARNING, "Web search provider failed, trying the next one: {0}", e.getMessage());
        failures.add(e.getMessage());
      }
    }
    if (!answered && !failures.isEmpty()) {
      throw new UpstreamFailureException(String.join("; ", failures), false, null);
    }
    return new Results(query.text(), List.of(), Optional.empty());
  }
}
