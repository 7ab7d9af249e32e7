package io.khoj4j.archfixture.clock.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;

/** Obeys the rule: time comes from an injected Clock, ids from given bits. */
public class ClockFed {
  private final Clock clock;

  public ClockFed(Clock clock) {
    this.clock = clock;
  }

  Instant instant() {
    return Instant.now(clock);
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  ZonedDateTime zoned() {
    return ZonedDateTime.now(clock);
  }

  Date date() {
    return Date.from(clock.instant());
  }

  UUID id(long high, long low) {
    return new UUID(high, low);
  }
}
