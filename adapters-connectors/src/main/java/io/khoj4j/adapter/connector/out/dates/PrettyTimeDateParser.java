package io.khoj4j.adapter.connector.out.dates;

import io.khoj4j.application.port.out.search.NaturalDateParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.ocpsoft.prettytime.nlp.PrettyTimeParser;

/**
 * Relative date phrases through PrettyTime NLP (which carries the Natty grammar): "yesterday", "last week",
 * "3 days ago", "next month", "two weeks from now". Counted from noon UTC of the given day, so results never depend
 * on the machine's clock or zone.
 */
@ApplicationScoped
public class PrettyTimeDateParser implements NaturalDateParser {

  private final PrettyTimeParser parser =
      new PrettyTimeParser(TimeZone.getTimeZone(ZoneOffset.UTC));

  @Override
  public Optional<LocalDate> parse(String phrase, LocalDate today, boolean preferFuture) {
    Date reference = Date.from(today.atTime(12, 0).toInstant(ZoneOffset.UTC));
    List<Date> dates;
    synchronized (parser) {
      try {
        dates = parser.parse(phrase, reference);
      } catch (RuntimeException notADate) {
        // the bundled grammar throws on some words it half knows ("summer", "easter"): no date, not
        // a failure
        return Optional.empty();
      }
    }
    if (dates.isEmpty()) {
      return Optional.empty();
    }
    LocalDate date = dates.getFirst().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    if (!preferFuture && date.isAfter(today) && isBareWeekday(phrase)) {
      date = date.minusWeeks(1);
    }
    return Optional.of(date);
  }

  private static boolean isBareWeekday(String phrase) {
    for (DayOfWeek day : DayOfWeek.values()) {
      String name = day.name().toLowerCase(Locale.ROOT);
      String p = phrase.strip().toLowerCase(Locale.ROOT);
      if (p.equals(name) || p.equals(name.substring(0, 3))) {
        return true;
      }
    }
    return false;
  }
}
