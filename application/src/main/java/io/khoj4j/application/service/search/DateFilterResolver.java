package io.khoj4j.application.service.search;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.out.search.NaturalDateParser;
import io.khoj4j.domain.search.DateRange;
import io.khoj4j.domain.search.DateSpan;
import io.khoj4j.domain.search.SearchQuery.DateTerm;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the date terms of a query into one range of days. Written dates (ISO, day-first "25/12/2023" and
 * "01.04.1984" as notes' dates are indexed, "2024-03", "5 March 2024", "March 2024", "2024") are read here exactly; relative phrases go to the {@link NaturalDateParser}. Terms intersect; a term that is not a
 * date is ignored; one that is a date outside years 1 to 9999 is invalid input.
 */
public final class DateFilterResolver {

  private static final Pattern ISO = Pattern.compile("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})$");
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
  /** Day first, as notes' dates are indexed ("25/12/2023", "01.04.1984", "13-04-1984"). */
  private static final Pattern DMY = Pattern.compile("^(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})$");

  private static final Pattern YEAR_MONTH = Pattern.compile("^(\\d{4})[-/](\\d{1,2})$");
  private static final String MONTH_NAMES =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
  private static final Pattern MONTH_YEAR =
      Pattern.compile("^" + MONTH_NAMES + "\\.?,?\\s+(\\d{4})$");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("^(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH_NAMES + "\\.?,?\\s+(\\d{4})$");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("^" + MONTH_NAMES + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$");
  /** More digits than any date count can have; PrettyTime would read such a number as text. */
  private static final Pattern HUGE_COUNT = Pattern.compile("\\d{10,}");

  static final int FIRST_YEAR = 1;
  static final int LAST_YEAR = 9999;
  private static final Pattern FUTURE =
      Pattern.compile("\\s*\\b(later|from now|from today)\\b\\s*");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1),
      Map.entry("feb", 2),
      Map.entry("mar", 3),
      Map.entry("apr", 4),
      Map.entry("may", 5),
      Map.entry("jun", 6),
      Map.entry("jul", 7),
      Map.entry("aug", 8),
      Map.entry("sep", 9),
      Map.entry("oct", 10),
      Map.entry("nov", 11),
      Map.entry("dec", 12));

  private final NaturalDateParser parser;

  public DateFilterResolver(NaturalDateParser parser) {
    this.parser = parser;
  }

  public DateRange resolve(List<DateTerm> terms, LocalDate today) {
    DateRange range = DateRange.ALL;
    for (DateTerm term : terms) {
      Optional<DateSpan> span = spanOf(term.phrase(), today);
      if (span.isPresent()) {
        range = range.intersect(span.get().under(term.comparison()));
      }
    }
    return range;
  }

  Optional<DateSpan> spanOf(String phrase, LocalDate today) {
    Optional<DateSpan> span;
    try {
      span = readSpan(phrase, today);
    } catch (DateTimeException | ArithmeticException tooFar) {
      throw outOfRange(phrase);
    }
    if (span.isPresent()
        && (span.get().start().getYear() < FIRST_YEAR
            || span.get().start().getYear() > LAST_YEAR)) {
      throw outOfRange(phrase);
    }
    return span;
  }

  /**
   * A date filter whose count no calendar reaches ("9999999999 years ago", a 20-digit number of days) is refused
   * rather than read as text or as no date: the user asked for a date and should learn this one cannot be.
   */
  private static InvalidInputException outOfRange(String phrase) {
    return new InvalidInputException("Date filter \"" + phrase.strip()
        + "\" is out of range: dates run from year " + FIRST_YEAR + " to " + LAST_YEAR);
  }

  private Optional<DateSpan> readSpan(String phrase, LocalDate today) {
    String p = phrase.strip().toLowerCase(Locale.ROOT);
    if (HUGE_COUNT.matcher(p).find()) {
      throw new ArithmeticException("count out of range");
    }
    boolean future = FUTURE.matcher(p).find();
    p = FUTURE.matcher(p).replaceAll(" ").strip();
    try {
      Matcher m = ISO.matcher(p);
      if (m.matches()) {
        return day(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)));
      }
      m = DMY.matcher(p);
      if (m.matches()) {
        return day(LocalDate.of(num(m, 4), num(m, 3), num(m, 1)));
      }
      m = YEAR_MONTH.matcher(p);
      if (m.matches()) {
        return Optional.of(
            DateSpan.of(LocalDate.of(num(m, 1), num(m, 2), 1), DateSpan.Granularity.MONTH));
      }
      m = YEAR.matcher(p);
      if (m.matches()) {
        return Optional.of(DateSpan.of(LocalDate.of(num(m, 1), 1, 1), DateSpan.Granularity.YEAR));
      }
      m = MONTH_YEAR.matcher(p);
      if (m.matches()) {
        return Optional.of(
            DateSpan.of(LocalDate.of(num(m, 2), month(m.group(1)), 1), DateSpan.Granularity.MONTH));
      }
      m = DAY_MONTH_YEAR.matcher(p);
      if (m.matches()) {
        return day(LocalDate.of(num(m, 3), month(m.group(2)), num(m, 1)));
      }
      m = MONTH_DAY_YEAR.matcher(p);
      if (m.matches()) {
        return day(LocalDate.of(num(m, 3), month(m.group(1)), num(m, 2)));
      }
    } catch (DateTimeException impossible) {
      return Optional.empty();
    }
    if (p.equals("this week")) {
      return Optional.of(
          new DateSpan(DateSpan.startOfWeek(today), DateSpan.startOfWeek(today).plusDays(7)));
    }
    DateSpan.Granularity granularity =
        DateSpan.granularityOf(phraseWithoutNumbers(p), false, false);
    return parser.parse(p, today, future).map(d -> DateSpan.of(d, granularity));
  }

  private static Optional<DateSpan> day(LocalDate date) {
    return Optional.of(DateSpan.of(date, DateSpan.Granularity.DAY));
  }

  /** "2 weeks ago" is a week long, but "7 days" must not read as a week because of the number. */
  private static String phraseWithoutNumbers(String p) {
    return p.replaceAll("\\d+", " ");
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int month(String name) {
    return MONTHS.get(name.substring(0, 3));
  }
}
