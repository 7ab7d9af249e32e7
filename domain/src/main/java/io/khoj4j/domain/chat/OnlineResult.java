package io.khoj4j.domain.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the web gave one query of a turn (one entry of Khoj's {@code onlineContext}, keyed by the query): a search's
 * hits and answer box, and extracts of the pages read for it. A turn that only read pages (a {@code /webpage} or a
 * link in the message) has pages but was not a search: {@link #searched()} is false and there are no hits.
 */
public record OnlineResult(
    String query,
    boolean searched,
    List<Hit> organic,
    Optional<AnswerBox> answerBox,
    List<PageExtract> webpages) {

  /** A search hit: {@code title}, {@code link}, {@code snippet}. */
  public record Hit(String title, String link, String snippet) {}

  /** The search engine's own answer, when it gave one. */
  public record AnswerBox(String title, String snippet, Optional<String> link) {
    public AnswerBox {
      link = link == null ? Optional.empty() : link;
    }
  }

  /** What was read from one page, trimmed for the prompt and the references. */
  public record PageExtract(String query, String link, String snippet) {}

  public OnlineResult {
    Objects.requireNonNull(query, "query");
    organic = organic == null ? List.of() : List.copyOf(organic);
    answerBox = answerBox == null ? Optional.empty() : answerBox;
    webpages = webpages == null ? List.of() : List.copyOf(webpages);
  }

  /** A web search for {@code query}, with the pages read from its results (may be none). */
  public static OnlineResult search(
      String query, List<Hit> organic, Optional<AnswerBox> answerBox, List<PageExtract> webpages) {
    return new OnlineResult(query, true, organic, answerBox, webpages);
  }

  /** Pages read for {@code query} without a search. */
  public static OnlineResult pagesRead(String query, List<PageExtract> webpages) {
    return new OnlineResult(query, false, List.of(), Optional.empty(), webpages);
  }
}
