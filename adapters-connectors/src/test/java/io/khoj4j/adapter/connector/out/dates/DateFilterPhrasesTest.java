package io.khoj4j.adapter.connector.out.dates;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.service.search.DateFilterResolver;
import io.khoj4j.domain.search.DateRange;
import io.khoj4j.domain.search.SearchQuery;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The date phrases of Khoj's filter, resolved by the real parser, on Wednesday 18 March 2026. */
class DateFilterPhrasesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
  private final DateFilterResolver resolver = new DateFilterResolver(new PrettyTimeDateParser());

  private DateRange range(String query) {
    return resolver.resolve(SearchQuery.parse(query).dateTerms(), TODAY);
  }

  @ParameterizedTest(name = "dt:\"{0}\" = [{1}, {2})")
  @CsvSource({
    "today,          2026-03-18, 2026-03-19",
    "yesterday,      2026-03-17, 2026-03-18",
    "tomorrow,       2026-03-19, 2026-03-20",
    "3 days ago,     2026-03-15, 2026-03-16",
    "last week,      2026-03-11, 2026-03-18",
    "this week,      2026-03-16, 2026-03-23",
    "2 weeks ago,    2026-03-04, 2026-03-11",
    "last month,     2026-02-01, 2026-03-01",
    "this month,     2026-03-01, 2026-04-01",
    "next month,     2026-04-01, 2026-05-01",
    "last year,      2025-01-01, 2026-01-01",
    "this year,      2026-01-01, 2027-01-01",
    "March 2024,     2024-03-01, 2024-04-01",
    "5th March 2024, 2024-03-05, 2024-03-06",
    "March 5 2024,   2024-03-05, 2024-03-06",
    "2024-03-05,     2024-03-05, 2024-03-06",
    "2024,           2024-01-01, 2025-01-01",
    "1 week from now, 2026-03-25, 2026-04-01",
    "monday,         2026-03-16, 2026-03-17",
    "25/12/2023,     2023-12-25, 2023-12-26",
    "01/04/1984,     1984-04-01, 1984-04-02",
    "01.04.1984,     1984-04-01, 1984-04-02",
    "13-04-1984,     1984-04-13, 1984-04-14",
    "1984-04,        1984-04-01, 1984-05-01",
  })
  void phraseCoversTheRightDays(String phrase, LocalDate from, LocalDate until) {
    assertThat(range("notes dt:\"" + phrase + "\"")).isEqualTo(DateRange.between(from, until));
  }

  @ParameterizedTest(name = "dt>=\"{0}\" is refused")
  @CsvSource({
    "9999999999 years ago",
    "99999999999 days ago",
    "12345678901234567890 days ago",
    "5000 years ago"
  })
  @org.junit.jupiter.api.Tag("security")
  void countsBeyondTheCalendarAreInvalidInputNotTextOrNothing(String phrase) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> range("notes dt>=\"" + phrase + "\""))
        .isInstanceOf(io.khoj4j.application.error.InvalidInputException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void comparatorsOpenTheRangeOnOneSide() {
    assertThat(range("dt>=\"last week\""))
        .isEqualTo(new DateRange(Optional.of(LocalDate.of(2026, 3, 11)), Optional.empty()));
    assertThat(range("dt>\"yesterday\""))
        .isEqualTo(new DateRange(Optional.of(TODAY), Optional.empty()));
    assertThat(range("dt<\"2024\""))
        .isEqualTo(new DateRange(Optional.empty(), Optional.of(LocalDate.of(2024, 1, 1))));
    assertThat(range("dt<='March 2024'"))
        .isEqualTo(new DateRange(Optional.empty(), Optional.of(LocalDate.of(2024, 4, 1))));
  }

  @Test
  void termsIntersect() {
    assertThat(range("dt>=\"2024-01-01\" dt<\u201c2024-02-01\u201d"))
        .isEqualTo(DateRange.between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1)));
  }

  @Test
  void aContradictionMatchesNothingAndNonsenseIsIgnored() {
    assertThat(range("dt>\"2025\" dt<\"2024\"").isEmpty()).isTrue();
    assertThat(range("dt:\"the blue moon\"").isUnbounded()).isTrue();
    assertThat(range("dt:\"2024-02-30\"").isUnbounded()).isTrue();
    assertThat(range("dt:\"31/02/2024\"").isUnbounded()).isTrue();
  }

  @ParameterizedTest(name = "dt:\"{0}\" is no date")
  @CsvSource({"summer", "last summer", "this winter", "autumn", "fall", "easter"})
  void wordsTheGrammarHalfKnowsAreIgnoredNotAFailure(String phrase) {
    // the bundled grammar threw on these, and the search answered 500
    assertThat(range("notes dt:\"" + phrase + "\"").isUnbounded()).isTrue();
  }
}
