package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.AutomationSpec;
import io.khoj4j.application.port.in.automation.CreateAutomationCommand;
import io.khoj4j.application.port.in.automation.CreateAutomationUseCase;
import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.TokenUsage;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A turn whose plan is an automation (the user asked for something to be done later or repeatedly): the model turns the
 * message into a schedule, a task and a subject, and the automation is created as through {@code POST
 * /api/automation}, in the user's time zone from the chat request. The answer says what was scheduled and when it runs
 * next, or why nothing was (a schedule more often than hourly, the per-user limit, a reply the model got wrong).
 */
public final class AutomationMaker {

  /** What the turn answers, and the automation it created, if any. */
  public record Made(String answer, Optional<UUID> automationId, TokenUsage usage) {}

  private static final DateTimeFormatter NOW =
      DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter NEXT =
      DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd 'at' HH:mm", Locale.ENGLISH);
  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"crontime\":{\"type\":\"string\"},"
          + "\"query\":{\"type\":\"string\"},\"subject\":{\"type\":\"string\"}},"
          + "\"required\":[\"crontime\",\"query\",\"subject\"]}";

  private static final ZoneId UTC = ZoneId.of("UTC");

  private final ModelCalls calls;
  private final CreateAutomationUseCase automations;
  private final Clock clock;

  public AutomationMaker(ModelCalls calls, CreateAutomationUseCase automations, Clock clock) {
    this.calls = calls;
    this.automations = automations;
    this.clock = clock;
  }

  /** The automation the message asks for; empty when the client left while the model was planning it. */
  public Optional<Made> make(ToolTurn turn) {
    if (turn.model().isEmpty()) {
      return Optional.of(
          refused("no chat model is configured to work out the schedule.", TokenUsage.NONE));
    }
    turn.status("**Scheduling a task**");
    ChatCommand.Location location = turn.command().location();
    ZoneId zone = zoneOf(location);
    Optional<Planned> planned = plan(turn.model().get(), turn, location, zone);
    if (turn.cancelled()) {
      return Optional.empty();
    }
    if (planned.isEmpty()) {
      return Optional.of(refused(
          "the schedule was not clear to me. Say when it should run, for example "
              + "\"every weekday at 8:00\".",
          TokenUsage.NONE));
    }
    return Optional.of(create(turn, planned.get(), zone));
  }

  /** Creates the planned automation and words the answer: when it runs next, or why it could not be made. */
  private Made create(ToolTurn turn, Planned plan, ZoneId zone) {
    AutomationDetails details;
    try {
      AutomationSpec spec = new AutomationSpec(
          plan.task(),
          plan.crontime(),
          Optional.of(plan.subject()),
          Optional.of(zone.getId()),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
      details = automations.create(new CreateAutomationCommand(turn.command().user(), spec));
    } catch (InvalidInputException | QuotaExceededException e) {
      return refused(e.getMessage(), plan.usage());
    }
    Automation automation = details.automation();
    String next = details
        .next()
        .map(at -> NEXT.format(at.atZone(automation.zone())) + " "
            + automation.zone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
        .orElse("never (the schedule has no future date)");
    String answer = Prompts.render(
        "automation-created.md",
        Map.of(
            "subject",
            automation.subject(),
            "schedule",
            details.schedule(),
            "next",
            next,
            "task",
            Automation.question(automation.queryToRun()),
            "conversation",
            automation.conversationTitle()));
    return new Made(answer, Optional.of(automation.id()), plan.usage());
  }

  private record Planned(String crontime, String task, String subject, TokenUsage usage) {}

  private Optional<Planned> plan(
      ChatModelEndpoint model, ToolTurn turn, ChatCommand.Location location, ZoneId zone) {
    String where = location.describe();
    String prompt = Prompts.render(
        "schedule-task.txt",
        Map.of(
            "now",
            NOW.format(clock.instant().atZone(zone)),
            "zone",
            zone.getId(),
            "location",
            where.isEmpty() ? "unknown" : where,
            "history",
            PromptBuilder.formatHistory(turn.history(), 6),
            "query",
            turn.query()));
    return calls.json(model, prompt, SCHEMA, "schedule a task", turn::cancelled).flatMap(reply -> {
      Optional<String> crontime =
          calls.string(reply, "crontime").map(String::strip).filter(c -> !c.isEmpty());
      Optional<String> task =
          calls.string(reply, "query").map(String::strip).filter(q -> !q.isEmpty());
      String subject = calls
          .string(reply, "subject")
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .map(
              s -> s.length() > Automation.MAX_SUBJECT ? s.substring(0, Automation.MAX_SUBJECT) : s)
          .orElse(turn.query().length() > 80 ? turn.query().substring(0, 80) : turn.query());
      if (crontime.isEmpty() || task.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Planned(crontime.get(), task.get(), subject, reply.usage()));
    });
  }

  /** The zone the chat request names, else UTC (as an automation created without one). */
  private static ZoneId zoneOf(ChatCommand.Location location) {
    if (location.timezone() != null && !location.timezone().isBlank()) {
      try {
        return ZoneId.of(location.timezone().strip());
      } catch (DateTimeException e) {
        return UTC;
      }
    }
    return UTC;
  }

  private static Made refused(String reason, TokenUsage usage) {
    return new Made(
        Prompts.render("automation-refused.md", Map.of("reason", reason)), Optional.empty(), usage);
  }
}
