package io.khoj4j.application.port.in.automation;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.automation.Automation;
import java.util.Optional;

/**
 * What a user asks of an automation when creating or changing it: the question, its cron expression, an optional
 * subject, and where it runs — an IANA {@code timezone}, or else a city, region and country to find one.
 */
public record AutomationSpec(
    String query,
    String crontime,
    Optional<String> subject,
    Optional<String> timezone,
    Optional<String> city,
    Optional<String> region,
    Optional<String> country) {

  public AutomationSpec {
    if (query == null || query.isBlank() || crontime == null || crontime.isBlank()) {
      throw new InvalidInputException("A query and crontime is required");
    }
    query = query.strip();
    if (query.length() > Automation.MAX_QUERY) {
      throw new InvalidInputException(
          "The query is longer than " + Automation.MAX_QUERY + " characters");
    }
    subject = blankless(subject);
    if (subject.isPresent() && subject.get().length() > Automation.MAX_SUBJECT) {
      throw new InvalidInputException(
          "The subject is longer than " + Automation.MAX_SUBJECT + " characters");
    }
    timezone = blankless(timezone);
    city = blankless(city);
    region = blankless(region);
    country = blankless(country);
  }

  private static Optional<String> blankless(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
  }
}
