package io.khoj4j.domain.automation;

import java.util.Arrays;
import java.util.Objects;

/**
 * When an automation runs: a five-field cron expression (minute, hour, day of month, month, day of week), read as Khoj
 * reads it — fields past the fifth are dropped, {@code ?} means {@code *} — and never more often than hourly: the
 * minute field must be one number.
 */
public record Crontime(String expression) {

  public static final int FIELDS = 5;

  public Crontime {
    Objects.requireNonNull(expression, "expression");
  }

  /**
   * The normalised form of {@code raw}.
   *
   * @throws InvalidCrontimeException when it has fewer than five fields, or runs more often than hourly
   */
  public static Crontime parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidCrontimeException("Invalid crontime");
    }
    String[] fields = raw.strip().replace('?', '*').split("\\s+");
    if (fields.length < FIELDS) {
      throw new InvalidCrontimeException("Invalid crontime");
    }
    String[] five = Arrays.copyOf(fields, FIELDS);
    if (!five[0].matches("\\d{1,2}") || Integer.parseInt(five[0]) > 59) {
      throw new InvalidCrontimeException(
          "Minute level recurrence is unsupported. Please create a less frequent schedule.");
    }
    return new Crontime(String.join(" ", five));
  }

  public int minute() {
    return Integer.parseInt(expression.substring(0, expression.indexOf(' ')));
  }

  @Override
  public String toString() {
    return expression;
  }
}
