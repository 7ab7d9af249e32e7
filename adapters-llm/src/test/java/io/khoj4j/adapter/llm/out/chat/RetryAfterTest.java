package io.khoj4j.adapter.llm.out.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-03-18T09:00:00Z");

  @Test
  void secondsAreAWait() {
    assertThat(RetryAfter.parse("20", NOW)).contains(Duration.ofSeconds(20));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void anHttpDateIsTheWaitUntilThen() {
    assertThat(RetryAfter.parse("Wed, 18 Mar 2026 09:02:30 GMT", NOW))
        .contains(Duration.ofSeconds(150));
    assertThat(RetryAfter.parse("Wed, 18 Mar 2026 08:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void negativeOrMalformedValuesSayNothing() {
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
    assertThat(RetryAfter.parse("18 Mar 2026 09:02:30", NOW)).isEmpty();
  }

  @Test
  void aWaitIsDescribedInTheUnitThatReadsBest() {
    assertThat(RetryAfter.describe(Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(RetryAfter.describe(Duration.ofMillis(44_200))).isEqualTo("45 s");
    assertThat(RetryAfter.describe(Duration.ofSeconds(120))).isEqualTo("2 min");
    assertThat(RetryAfter.describe(Duration.ofSeconds(3600))).isEqualTo("60 min");
    assertThat(RetryAfter.describe(Duration.ofHours(5))).isEqualTo("5 h");
  }

  @Test
  void anEndlessWaitReadsAsADay() {
    assertThat(RetryAfter.parse("9223372036854775807", Instant.now())).contains(Duration.ofDays(1));
    assertThat(RetryAfter.describe(RetryAfter.parse("999999999", Instant.now()).orElseThrow()))
        .isEqualTo("24 h");
  }
}
