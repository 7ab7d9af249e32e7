package io.khoj4j.application.port.out.automation;

import io.khoj4j.domain.automation.Crontime;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A stand-in that reads only daily expressions ({@code M H * * *}); any other is a problem. Enough for the services'
 * tests; the real calendar is tested against cron-utils in bootstrap.
 */
public final class DailyCronCalendar implements CronCalendar {

  @Override
  public Optional<String> problem(Crontime crontime) {
    String[] f = crontime.expression().split(" ");
    boolean daily = f[1].matches("\\d{1,2}")
        && Integer.parseInt(f[1]) < 24
        && f[2].equals("*")
        && f[3].equals("*")
        && f[4].equals("*");
    return daily ? Optional.empty() : Optional.of("only daily schedules here");
  }

  @Override
  public Optional<Instant> nextAfter(Crontime crontime, ZoneId zone, Instant after) {
    String[] f = crontime.expression().split(" ");
    LocalTime at = LocalTime.of(Integer.parseInt(f[1]), Integer.parseInt(f[0]));
    ZonedDateTime local = after.atZone(zone);
    ZonedDateTime candidate = local.toLocalDate().atTime(at).atZone(zone);
    return Optional.of((candidate.isAfter(local) ? candidate : candidate.plusDays(1)).toInstant());
  }

  @Override
  public String describe(Crontime crontime) {
    return "daily";
  }
}
