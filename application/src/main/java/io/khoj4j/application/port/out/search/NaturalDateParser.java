package io.khoj4j.application.port.out.search;

import java.time.LocalDate;
import java.util.Optional;

/** Understands relative date phrases ("yesterday", "last week", "3 days ago", "next month"). */
public interface NaturalDateParser {

  /**
   * The day a phrase points at, counted from {@code today}; ambiguous phrases ("friday") resolve to the past unless
   * {@code preferFuture}. Empty when the phrase is not a date.
   */
  Optional<LocalDate> parse(String phrase, LocalDate today, boolean preferFuture);
}
