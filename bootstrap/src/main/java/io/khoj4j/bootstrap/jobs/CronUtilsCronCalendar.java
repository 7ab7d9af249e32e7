package io.khoj4j.bootstrap.jobs;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.khoj4j.application.port.out.automation.CronCalendar;
import io.khoj4j.domain.automation.Crontime;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/** Unix cron (five fields, as Khoj's clients write them) read by cron-utils. */
@ApplicationScoped
public class CronUtilsCronCalendar implements CronCalendar {

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronDescriptor WORDS = CronDescriptor.instance(Locale.UK);

  @Override
  public Optional<String> problem(Crontime crontime) {
    try {
      PARSER.parse(crontime.expression()).validate();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage() == null ? "not a cron expression" : e.getMessage());
    }
  }

  @Override
  public Optional<Instant> nextAfter(Crontime crontime, ZoneId zone, Instant after) {
    return ExecutionTime.forCron(cron(crontime))
        .nextExecution(after.atZone(zone))
        .map(ZonedDateTime::toInstant);
  }

  @Override
  public String describe(Crontime crontime) {
    return WORDS.describe(cron(crontime));
  }

  private static Cron cron(Crontime crontime) {
    return PARSER.parse(crontime.expression());
  }
}
