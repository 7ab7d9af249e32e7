package io.khoj4j.domain.search;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Dates from {@code from} (inclusive) to {@code until} (exclusive); either side may be open. An entry matches when it
 * mentions at least one date inside. An empty range (from ≥ until) matches nothing — unlike Khoj, which silently
 * dropped a contradictory filter.
 */
public record DateRange(Optional<LocalDate> from, Optional<LocalDate> until) {

  public static final DateRange ALL = new DateRange(Optional.empty(), Optional.empty());

  public static DateRange between(LocalDate from, LocalDate until) {
    return new DateRange(Optional.of(from), Optional.of(until));
  }

  public boolean isUnbounded() {
    return from.isEmpty() && until.isEmpty();
  }

  public boolean isEmpty() {
    return from.isPresent() && until.isPresent() && !from.get().isBefore(until.get());
  }

  public boolean contains(LocalDate date) {
    return from.map(f -> !date.isBefore(f)).orElse(true)
        && until.map(u -> date.isBefore(u)).orElse(true);
  }

  public DateRange intersect(DateRange other) {
    Optional<LocalDate> lower = later(from, other.from);
    Optional<LocalDate> upper = earlier(until, other.until);
    return new DateRange(lower, upper);
  }

  private static Optional<LocalDate> later(Optional<LocalDate> a, Optional<LocalDate> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }

  private static Optional<LocalDate> earlier(Optional<LocalDate> a, Optional<LocalDate> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
  }
}
