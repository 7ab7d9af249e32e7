package io.khoj4j.adapter.llm.out.chat;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A model provider's {@code Retry-After} header (RFC 9110): whole seconds, or an HTTP date. OpenAI and Anthropic send
 * it with a 429, a 503 or Anthropic's 529; retrying sooner only spends a retry on another refusal. A value that is
 * neither form, or negative, says nothing and is ignored.
 */
final class RetryAfter {

  private RetryAfter() {}

  /** Longer waits read as this one: a day is already far past any wait worth honouring. */
  static final Duration LONGEST = Duration.ofDays(1);

  /** The wait {@code value} asks for, as seen at {@code now}; zero for a date already past; at most a day. */
  static Optional<Duration> parse(String value, Instant now) {
    return read(value, now).map(w -> w.compareTo(LONGEST) > 0 ? LONGEST : w);
  }

  private static Optional<Duration> read(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException | ArithmeticException tooLong) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }

  /** The wait in words a user can read in an error message: seconds, minutes or hours, rounded up. */
  static String describe(Duration wait) {
    long seconds = wait.toSeconds() + (wait.getNano() > 0 ? 1 : 0);
    if (seconds < 120) {
      return seconds + " s";
    }
    long minutes = (seconds + 59) / 60;
    if (minutes < 120) {
      return minutes + " min";
    }
    return (minutes + 59) / 60 + " h";
  }
}
