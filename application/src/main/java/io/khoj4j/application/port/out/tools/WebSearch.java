package io.khoj4j.application.port.out.tools;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Searches the web (Serper, SearXNG, …) for the {@code /online} command and the default mode's online source. A chat
 * capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED} makes {@code /online}
 * answer with a clear message. Calls for several queries of one turn may run at the same time.
 */
public interface WebSearch {

  /** Whether this server can do it. */
  boolean available();

  /**
   * The provider's results for one query, best first; empty results when it found nothing.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the provider fails or times out
   */
  Results search(Query query);

  /**
   * One search. {@code countryCode} (ISO 3166 alpha-2, e.g. {@code us}) biases the results to the user's country
   * when known.
   */
  record Query(String text, int maxResults, Optional<String> countryCode) {
    public static final int MAX_RESULTS = 20;

    public Query {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("a web search needs a query");
      }
      if (maxResults < 1 || maxResults > MAX_RESULTS) {
        throw new IllegalArgumentException(
            "maxResults must be 1.." + MAX_RESULTS + ": " + maxResults);
      }
      countryCode = countryCode == null ? Optional.empty() : countryCode.filter(c -> !c.isBlank());
    }
  }

  /** An organic result (Khoj's {@code organic[]} item). */
  record Hit(String title, String link, String snippet) {
    public Hit {
      Objects.requireNonNull(link, "link");
      title = title == null ? "" : title;
      snippet = snippet == null ? "" : snippet;
    }
  }

  /** The provider's direct answer, when it has one (Khoj's {@code answerBox}). */
  record Answer(String title, String snippet, Optional<String> link) {
    public Answer {
      title = title == null ? "" : title;
      snippet = snippet == null ? "" : snippet;
      link = link == null ? Optional.empty() : link;
    }
  }

  /** What one query found. */
  record Results(String query, List<Hit> organic, Optional<Answer> answer) {
    public Results {
      Objects.requireNonNull(query, "query");
      organic = organic == null ? List.of() : List.copyOf(organic);
      answer = answer == null ? Optional.empty() : answer;
    }

    public boolean isEmpty() {
      return organic.isEmpty() && answer.isEmpty();
    }
  }

  WebSearch NOT_CONFIGURED = new WebSearch() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public Results search(Query query) {
      throw new IllegalStateException("web search is not configured");
    }
  };
}
