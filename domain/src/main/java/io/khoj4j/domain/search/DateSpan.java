package io.khoj4j.domain.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The stretch of days a date phrase stands for, with Khoj's granularity: a phrase naming a year covers the calendar
 * year, one naming a month the calendar month, a week seven days, anything else one day. "March 2024" (a month without
 * a day) covers March; "2024" alone the year.
 */
public record DateSpan(LocalDate start, LocalDate end) {

  public enum Granularity {
    DAY,
    WEEK,
    MONTH,
    YEAR
  }

  public static Granularity granularityOf(
      String phrase, boolean namesMonthWithoutDay, boolean isBareYear) {
    String p = phrase.toLowerCase(Locale.ROOT);
    if (p.contains("year") || isBareYear) {
      return Granularity.YEAR;
    }
    if (p.contains("month") || namesMonthWithoutDay) {
      return Granularity.MONTH;
    }
    if (p.contains("week")) {
      return Granularity.WEEK;
    }
    return Granularity.DAY;
  }

  public static DateSpan of(LocalDate date, Granularity granularity) {
    return switch (granularity) {
      case YEAR -> new DateSpan(date.withDayOfYear(1), date.withDayOfYear(1).plusYears(1));
      case MONTH -> new DateSpan(date.withDayOfMonth(1), date.withDayOfMonth(1).plusMonths(1));
      case WEEK -> new DateSpan(date, date.plusDays(7));
      case DAY -> new DateSpan(date, date.plusDays(1));
    };
  }

  /** The condition {@code dt<op>"phrase"} as a range of days (Khoj's mapping of comparators). */
  public DateRange under(SearchQuery.DateComparison comparison) {
    return switch (comparison) {
      case AFTER -> new DateRange(Optional.of(end), Optional.empty());
      case AT_OR_AFTER -> new DateRange(Optional.of(start), Optional.empty());
      case BEFORE -> new DateRange(Optional.empty(), Optional.of(start));
      case AT_OR_BEFORE -> new DateRange(Optional.empty(), Optional.of(end));
      case ON -> DateRange.between(start, end);
    };
  }

  /** Monday of the week of {@code date}: "this week" starts there. */
  public static LocalDate startOfWeek(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
