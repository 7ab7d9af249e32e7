package io.khoj4j.application.port.out.automation;

import io.khoj4j.domain.automation.Crontime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Reads cron expressions: whether one is valid, when it next fires in a zone, what it says in words. */
public interface CronCalendar {

  /** Why {@code crontime} cannot be used (a field out of range, an unknown name …), or empty when it can. */
  Optional<String> problem(Crontime crontime);

  /**
   * The first instant after {@code after} at which {@code crontime}, read in {@code zone}'s local time, fires; local
   * times that a daylight-saving change skips or repeats are handled as the zone's rules say. Empty when it never does.
   */
  Optional<Instant> nextAfter(Crontime crontime, ZoneId zone, Instant after);

  /** In English words, for example "at 09:00 on Monday". */
  String describe(Crontime crontime);
}
