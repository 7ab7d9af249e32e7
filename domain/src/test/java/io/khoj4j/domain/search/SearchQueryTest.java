package io.khoj4j.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.domain.search.SearchQuery.DateComparison;
import io.khoj4j.domain.search.SearchQuery.DateTerm;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void plainTextHasNoFilters() {
    SearchQuery q = SearchQuery.parse("  how do  tardigrades survive ");

    assertThat(q.text()).isEqualTo("how do tardigrades survive");
    assertThat(q.hasFilters()).isFalse();
  }

  @Test
  void wordFilters() {
    SearchQuery q = SearchQuery.parse("editor +\"Emacs\" -\"vim\" setup");

    assertThat(q.requiredWords()).containsExactly("emacs");
    assertThat(q.excludedWords()).containsExactly("vim");
    assertThat(q.text()).isEqualTo("editor setup");
  }

  @Test
  void fileFiltersIncludeAndExcludeAndBothLeaveTheText() {
    SearchQuery q = SearchQuery.parse("todo file:\"*.org\" file:\"notes/*\" -file:\"*journal*\"");

    assertThat(q.includedFiles()).containsExactly("*.org", "notes/*");
    assertThat(q.excludedFiles()).containsExactly("*journal*");
    assertThat(q.text()).isEqualTo("todo");
  }

  @Test
  void dateFiltersWithEveryOperatorAndQuoteStyle() {
    SearchQuery q = SearchQuery.parse(
        "trip dt>=\"last week\" dt<'today' dt:\u201cMarch 2024\u201d dt==\u2018yesterday\u2019 dt>\"2020\" dt<=\"2030\"");

    assertThat(q.dateTerms())
        .containsExactly(
            new DateTerm(DateComparison.AT_OR_AFTER, "last week"),
                new DateTerm(DateComparison.BEFORE, "today"),
            new DateTerm(DateComparison.ON, "March 2024"),
                new DateTerm(DateComparison.ON, "yesterday"),
            new DateTerm(DateComparison.AFTER, "2020"),
                new DateTerm(DateComparison.AT_OR_BEFORE, "2030"));
    assertThat(q.text()).isEqualTo("trip");
  }

  @Test
  void aQueryMayBeOnlyFilters() {
    SearchQuery q = SearchQuery.parse("+\"Emacs\" file:\"*.org\"");

    assertThat(q.text()).isEmpty();
    assertThat(q.requiredWords()).containsExactly("emacs");
    assertThat(q.includedFiles()).containsExactly("*.org");
  }

  @Test
  void syntaxThatDoesNotParseStaysText() {
    SearchQuery q =
        SearchQuery.parse("+\"two words\" file:unquoted dt>soon -\"semi;colon\" file:\"open");

    assertThat(q.hasFilters()).isFalse();
    assertThat(q.text())
        .isEqualTo("+\"two words\" file:unquoted dt>soon -\"semi;colon\" file:\"open");
  }

  @Test
  void hugeAdversarialInputParsesQuickly() {
    String evil =
        "file:\"" + "a".repeat(50_000) + " dt>=\"" + "\"".repeat(20_000) + "+\"".repeat(10_000);

    long t0 = System.nanoTime();
    SearchQuery.parse(evil);
    long millis = (System.nanoTime() - t0) / 1_000_000;

    assertThat(millis).as("parse time of a 100 KB adversarial query").isLessThan(2_000);
  }

  @Test
  void globsBecomeUnanchoredRegexesWithEveryOtherCharacterLiteral() {
    assertThat(SearchQuery.globToRegex("*.md")).isEqualTo(".*\\.md");
    assertThat(SearchQuery.globToRegex("a+b(c)[d]{e}|f^$?"))
        .isEqualTo("a\\+b\\(c\\)\\[d\\]\\{e\\}\\|f\\^\\$.");
    assertThat(Pattern.compile(SearchQuery.globToRegex("notes.md"))
            .matcher("/x/old-notes.md")
            .find())
        .isTrue();
    assertThat(Pattern.compile(SearchQuery.globToRegex("notes.md"))
            .matcher("/x/notesXmd")
            .find())
        .isFalse();
  }
}
