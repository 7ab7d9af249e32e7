package io.khoj4j.adapter.web.in.search;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.in.search.SearchEntriesQuery;
import io.khoj4j.application.port.in.search.SearchResult;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Slice test of {@link SearchResource}: the search use case is a lambda that records what it is asked. */
class SearchResourceTest {

  private static final UUID CORPUS = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

  private final List<SearchEntriesQuery> asked = new ArrayList<>();
  private List<SearchResult> hits = List.of(new SearchResult(
      "# Tea\nGreen tea",
      0.25,
      null,
      ContentSource.COMPUTER,
      "/notes/tea.md",
      "file:///notes/tea.md",
      "Tea. Green tea",
      "Tea",
      CORPUS));

  private final SearchResource resource = new SearchResource(alice(), q -> {
    asked.add(q);
    return hits;
  });

  @Test
  void answersKhojsFieldsWithHyphenatedScoresAndAsksForTheCaller() {
    List<SearchResource.SearchResponse> body = resource.search("tea", null, null, null, null, null);

    assertThat(json(body))
        .isEqualTo("[{\"entry\":\"# Tea\\nGreen tea\",\"score\":0.25,\"cross-score\":null,"
            + "\"additional\":{\"source\":\"computer\",\"file\":\"/notes/tea.md\",\"uri\":\"file:///notes/tea.md\","
            + "\"compiled\":\"Tea. Green tea\",\"heading\":\"Tea\"},\"corpus-id\":\"" + CORPUS
            + "\"}]");
    assertThat(asked)
        .containsExactly(new SearchEntriesQuery(
            ALICE, "tea", 5, Optional.empty(), false, Optional.empty(), true));
  }

  @Test
  void passesTypeCountRerankDistanceAndDedupeAsParsed() {
    resource.search("tea", "12", "Markdown", "true", "0.4", "false");
    resource.search("tea", null, "all", null, null, null);

    assertThat(asked)
        .containsExactly(
            new SearchEntriesQuery(
                ALICE, "tea", 12, Optional.of(ContentType.MARKDOWN), true, Optional.of(0.4), false),
            new SearchEntriesQuery(
                ALICE, "tea", 5, Optional.empty(), false, Optional.empty(), true));
  }

  @Test
  void anUnknownDistanceIsWrittenAsScoreOneAndACrossScoreIsKept() {
    hits = List.of(
        new SearchResult("e", Double.NaN, 0.1, ContentSource.NOTION, "f", "u", "c", "h", CORPUS));

    String body = json(resource.search("tea", null, null, "true", null, null));

    assertThat(body).contains("\"score\":1.0,\"cross-score\":0.1", "\"source\":\"notion\"");
  }

  @Test
  void refusesMissingOrOverlongQueriesBeforeSearching() {
    rejects(() -> resource.search(null, null, null, null, null, null), "query", "q");
    rejects(
        () -> resource.search(
            "x".repeat(SearchResource.MAX_QUERY_CHARS + 1), null, null, null, null, null),
        "query",
        "q");
    assertThat(asked).isEmpty();
  }

  @Test
  void anEmptyOrBlankQueryFindsNothingWithoutSearchingButItsParametersAreStillChecked() {
    assertThat(resource.search("", "5", null, "false", null, null)).isEmpty();
    assertThat(resource.search("  ", null, "markdown", null, null, null)).isEmpty();
    rejects(() -> resource.search("", "0", null, null, null, null), "query", "n");
    assertThat(asked).isEmpty();
  }

  @Test
  void refusesBadCountTypeAndFlags() {
    rejects(() -> resource.search("tea", "0", null, null, null, null), "query", "n");
    rejects(() -> resource.search("tea", "201", null, null, null, null), "query", "n");
    rejects(() -> resource.search("tea", "five", null, null, null, null), "query", "n");
    assertThat(rejects(
                () -> resource.search("tea", null, "spreadsheet", null, null, null), "query", "t")
            .input())
        .isEqualTo("spreadsheet");
    rejects(() -> resource.search("tea", null, null, "maybe", null, null), "query", "r");
    rejects(() -> resource.search("tea", null, null, null, "near", null), "query", "max_distance");
    rejects(() -> resource.search("tea", null, null, null, null, "perhaps"), "query", "dedupe");
    assertThat(asked).isEmpty();
  }
}
