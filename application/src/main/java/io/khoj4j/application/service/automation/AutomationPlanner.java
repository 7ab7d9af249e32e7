package io.khoj4j.application.service.automation;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.AutomationSpec;
import io.khoj4j.application.port.out.automation.CronCalendar;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.automation.Crontime;
import io.khoj4j.domain.automation.InvalidCrontimeException;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** What the automation services share: reading a request into an automation, and when an automation runs next. */
final class AutomationPlanner {

  static final int SUBJECT_FROM_QUERY = 80;
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final CronCalendar calendar;
  private final Clock clock;

  AutomationPlanner(CronCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** A new or changed automation from {@code request}; id, conversation and creation time as given. */
  Automation automation(
      UUID id, UserId owner, UUID conversationId, Instant createdAt, AutomationSpec request) {
    Crontime crontime = crontime(request.crontime());
    String question = Automation.question(request.query());
    if (question.isEmpty()) {
      throw new InvalidInputException("A query and crontime is required");
    }
    String subject = request.subject().orElseGet(() -> subjectOf(question));
    return new Automation(
        id,
        owner,
        subject,
        Automation.taskQuery(question),
        request.query(),
        crontime,
        zone(request),
        conversationId,
        createdAt,
        new Automation.Place(
            request.city().orElse(null),
            request.region().orElse(null),
            request.country().orElse(null)));
  }

  AutomationDetails details(Automation automation) {
    return new AutomationDetails(
        automation, calendar.describe(automation.crontime()), next(automation));
  }

  /** The next run after now. */
  Optional<Instant> next(Automation automation) {
    return calendar.nextAfter(automation.crontime(), automation.zone(), clock.instant());
  }

  private Crontime crontime(String raw) {
    Crontime crontime;
    try {
      crontime = Crontime.parse(raw);
    } catch (InvalidCrontimeException e) {
      throw new InvalidInputException(e.getMessage());
    }
    calendar.problem(crontime).ifPresent(problem -> {
      throw new InvalidInputException("Invalid crontime: " + problem);
    });
    return crontime;
  }

  /**
   * The request's IANA zone; else the zone named after its city (Europe/Berlin for Berlin) or, failing that, its
   * country or region when that is a zone's place name; else UTC, as in Khoj.
   */
  static ZoneId zone(AutomationSpec request) {
    if (request.timezone().isPresent()) {
      try {
        return ZoneId.of(request.timezone().get());
      } catch (DateTimeException e) {
        throw new InvalidInputException(
            "Unknown time zone: " + request.timezone().get());
      }
    }
    return request
        .city()
        .flatMap(AutomationPlanner::zoneNamed)
        .or(() -> request.region().flatMap(AutomationPlanner::zoneNamed))
        .or(() -> request.country().flatMap(AutomationPlanner::zoneNamed))
        .orElse(UTC);
  }

  private static Optional<ZoneId> zoneNamed(String place) {
    String wanted = "/" + place.strip().replace(' ', '_').toLowerCase(Locale.ROOT);
    return ZoneId.getAvailableZoneIds().stream()
        .filter(id -> id.toLowerCase(Locale.ROOT).endsWith(wanted)
            && !id.startsWith("Etc/")
            && !id.startsWith("SystemV/"))
        .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
        .map(ZoneId::of);
  }

  private static String subjectOf(String question) {
    String firstLine = question.lines().findFirst().orElse(question).strip();
    if (firstLine.length() <= SUBJECT_FROM_QUERY) {
      return firstLine;
    }
    int cut = firstLine.lastIndexOf(' ', SUBJECT_FROM_QUERY);
    return firstLine.substring(0, cut > SUBJECT_FROM_QUERY / 2 ? cut : SUBJECT_FROM_QUERY) + "…";
  }
}
