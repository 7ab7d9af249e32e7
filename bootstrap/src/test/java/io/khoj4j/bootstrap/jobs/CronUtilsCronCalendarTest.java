package io.khoj4j.bootstrap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.domain.automation.Crontime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronUtilsCronCalendarTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final CronUtilsCronCalendar calendar = new CronUtilsCronCalendar();

  @Test
  void nineInTheMorningStaysNineLocalAcrossTheSpringChange() {
    Crontime daily = Crontime.parse("0 9 * * *");
    // Berlin moves from UTC+1 to UTC+2 on 2027-03-28.
    Instant before =
        calendar.nextAfter(daily, BERLIN, Instant.parse("2027-03-27T00:00:00Z")).orElseThrow();
    Instant after = calendar.nextAfter(daily, BERLIN, before).orElseThrow();

    assertThat(before).isEqualTo(Instant.parse("2027-03-27T08:00:00Z"));
    assertThat(after).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
    assertThat(after.atZone(BERLIN).toLocalTime()).hasToString("09:00");
  }

  @Test
  void nineInTheMorningStaysNineLocalAcrossTheAutumnChangeInAnotherZone() {
    Crontime mondays = Crontime.parse("0 9 * * 1");
    // New York moves from UTC-4 to UTC-5 on 2026-11-01 (a Sunday).
    Instant before = calendar
        .nextAfter(mondays, NEW_YORK, Instant.parse("2026-10-25T00:00:00Z"))
        .orElseThrow();
    Instant after = calendar.nextAfter(mondays, NEW_YORK, before).orElseThrow();

    assertThat(before).isEqualTo(Instant.parse("2026-10-26T13:00:00Z"));
    assertThat(after).isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));
  }

  @Test
  void theSameCronFiresAtEachZonesOwnLocalTime() {
    Crontime daily = Crontime.parse("30 7 * * *");
    Instant from = Instant.parse("2026-12-04T00:00:00Z");

    assertThat(calendar.nextAfter(daily, BERLIN, from))
        .contains(Instant.parse("2026-12-04T06:30:00Z"));
    assertThat(calendar.nextAfter(daily, NEW_YORK, from))
        .contains(Instant.parse("2026-12-04T12:30:00Z"));
  }

  @Test
  void aLocalTimeTheSpringChangeSkipsIsSkippedThatDayOnly() {
    Crontime skipped = Crontime.parse("30 2 * * *");
    Instant from = Instant.parse("2027-03-27T12:00:00Z");
    Instant first = calendar.nextAfter(skipped, BERLIN, from).orElseThrow();
    Instant second = calendar.nextAfter(skipped, BERLIN, first).orElseThrow();

    // 02:30 does not exist in Berlin on 2027-03-28 (02:00 becomes 03:00): no run that day, none
    // doubled after.
    assertThat(ZonedDateTime.ofInstant(first, BERLIN).toLocalDateTime())
        .hasToString("2027-03-29T02:30");
    assertThat(ZonedDateTime.ofInstant(second, BERLIN).toLocalDateTime())
        .hasToString("2027-03-30T02:30");
  }

  @Test
  void outOfRangeFieldsAreProblems() {
    assertThat(calendar.problem(Crontime.parse("0 25 * * *"))).isPresent();
    assertThat(calendar.problem(Crontime.parse("0 9 32 * *"))).isPresent();
    assertThat(calendar.problem(Crontime.parse("0 9 * 13 *"))).isPresent();
    assertThat(calendar.problem(Crontime.parse("0 9 * * funday"))).isPresent();
    assertThat(calendar.problem(Crontime.parse("0 9 * * 1-5"))).isEmpty();
  }

  @Test
  void describesInWords() {
    assertThat(calendar.describe(Crontime.parse("0 9 * * 1")))
        .containsIgnoringCase("9")
        .containsIgnoringCase("monday");
  }
}
