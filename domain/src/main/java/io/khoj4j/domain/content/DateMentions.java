package io.khoj4j.domain.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written in a text, found at index time so the search date filter ({@code dt>="last week"}) can match them:
 * ISO and slashed forms, day-first forms with dots, dashes or slashes, and month names with or without a day
 * ("5th March 2024", "March 5, 2024", "Mar 2024" = the first of the month). Impossible dates are ignored.
 */
public final class DateMentions {

  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("january", 1),
      Map.entry("jan", 1),
      Map.entry("february", 2),
      Map.entry("feb", 2),
      Map.entry("march", 3),
      Map.entry("mar", 3),
      Map.entry("april", 4),
      Map.entry("apr", 4),
      Map.entry("may", 5),
      Map.entry("june", 6),
      Map.entry("jun", 6),
      Map.entry("july", 7),
      Map.entry("jul", 7),
      Map.entry("august", 8),
      Map.entry("aug", 8),
      Map.entry("september", 9),
      Map.entry("sep", 9),
      Map.entry("sept", 9),
      Map.entry("october", 10),
      Map.entry("oct", 10),
      Map.entry("november", 11),
      Map.entry("nov", 11),
      Map.entry("december", 12),
      Map.entry("dec", 12));
  private static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
  private static final String ORDINAL = "(?:st|nd|rd|th)?";
  private static final Pattern YMD =
      Pattern.compile("(?<![\\d])(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?![\\d])");
  private static final Pattern DMY =
      Pattern.compile("(?<![\\d/.-])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d])");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?<![\\w])(\\d{1,2})" + ORDINAL + "\\s+" + MONTH + "\\.?,?\\s+(\\d{4}|\\d{2})(?![\\w])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?<![\\w])" + MONTH + "\\.?\\s+(\\d{1,2})" + ORDINAL + ",?\\s+(\\d{4}|\\d{2})(?![\\w])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_YEAR = Pattern.compile(
      "(?<![\\w])" + MONTH + "\\.?,?\\s+(\\d{4})(?![\\w])", Pattern.CASE_INSENSITIVE);

  private DateMentions() {}

  public static Set<LocalDate> in(String text) {
    Set<LocalDate> dates = new TreeSet<>();
    Matcher m = YMD.matcher(text);
    while (m.find()) {
      add(
          dates,
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)));
    }
    m = DMY.matcher(text);
    while (m.find()) {
      if (m.group(2).equals(".") && m.group(4).length() == 2) {
        continue; // dotted dates have four-digit years (Khoj's %d.%m.%Y): "Python 3.10.12" is a
        // version
      }
      add(dates, year(m.group(4)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)));
    }
    StringBuilder rest = new StringBuilder(text);
    m = DAY_MONTH_YEAR.matcher(text);
    while (m.find()) {
      add(dates, year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
      blank(rest, m.start(), m.end());
    }
    m = MONTH_DAY_YEAR.matcher(text);
    while (m.find()) {
      add(dates, year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
      blank(rest, m.start(), m.end());
    }
    // "March 2024" alone means the first of March, but not when it is part of "5 March 2024"
    m = MONTH_YEAR.matcher(rest);
    while (m.find()) {
      add(dates, Integer.parseInt(m.group(2)), month(m.group(1)), 1);
    }
    return dates;
  }

  private static void blank(StringBuilder text, int start, int end) {
    for (int i = start; i < end; i++) {
      text.setCharAt(i, ' ');
    }
  }

  private static int month(String name) {
    return MONTHS.get(name.toLowerCase(Locale.ROOT));
  }

  /** Two-digit years as strptime's %y reads them: 69-99 are 19xx, 00-68 are 20xx. */
  private static int year(String digits) {
    int y = Integer.parseInt(digits);
    if (digits.length() == 2) {
      return y >= 69 ? 1900 + y : 2000 + y;
    }
    return y;
  }

  private static void add(Set<LocalDate> dates, int year, int month, int day) {
    if (year < 1000 || year > 9999) {
      return;
    }
    try {
      dates.add(LocalDate.of(year, month, day));
    } catch (DateTimeException impossible) {
      // "31/02/2024" is not a date; neither is a version number that looks like one
    }
  }
}
