package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.AutomationScheduler;
import io.khoj4j.application.port.out.automation.CronCalendar;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.automation.Crontime;
import io.khoj4j.domain.automation.InvalidCrontimeException;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Automations keep their question, subject, cron expression and time zone, and are scheduled here from their next
 * occurrence. Their runs answer in the conversation Khoj named when it was imported and is the owner's, else in a new
 * "Automation: subject" conversation, as automations made here do. Imported after conversations for that reason.
 */
final class AutomationImport {

  private static final String JOBS = "django_apscheduler_djangojob";
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final AutomationRepository automations;
  private final ConversationRepository conversations;
  private final AutomationScheduler scheduler;
  private final CronCalendar calendar;
  private final IdGenerator ids;
  private final Clock clock;

  AutomationImport(ImportKhojDataService.Schedules schedules, IdGenerator ids, Clock clock) {
    this.automations = schedules.automations();
    this.conversations = schedules.conversations();
    this.scheduler = schedules.scheduler();
    this.calendar = schedules.calendar();
    this.ids = ids;
    this.clock = clock;
  }

  void run(KhojSource source, ImportRun run) {
    run.each(
        "automations",
        source::automations,
        KhojSource.Automation::key,
        a -> run.once("automations", JOBS, a.key(), () -> importAutomation(a, run)));
  }

  private Optional<String> importAutomation(KhojSource.Automation a, ImportRun run) {
    Optional<UserId> owner = run.user(a.userKey());
    if (owner.isEmpty()) {
      run.skip("automations", a.key(), "its owner was not imported");
      return Optional.empty();
    }
    if (a.unreadable().isPresent()) {
      run.skip("automations", a.key(), a.unreadable().get());
      return Optional.empty();
    }
    Optional<Crontime> crontime = crontime(a.crontime());
    String question = Automation.question(a.queryToRun());
    if (crontime.isEmpty() || question.isEmpty()) {
      run.skip(
          "automations",
          a.key(),
          question.isEmpty()
              ? "it has no question"
              : "its crontime cannot be read here: " + a.crontime());
      return Optional.empty();
    }
    Instant now = clock.instant();
    String subject = subject(a.subject(), question);
    UUID conversation = conversation(owner.get(), a.conversationKey(), subject, now);
    Automation automation = new Automation(
        ids.newId(),
        owner.get(),
        subject,
        Automation.taskQuery(question),
        a.schedulingRequest().isBlank() ? question : a.schedulingRequest(),
        crontime.get(),
        zone(a.timezone()),
        conversation,
        now,
        a.place());
    automations.insert(automation);
    calendar
        .nextAfter(automation.crontime(), automation.zone(), now)
        .ifPresent(next -> scheduler.schedule(automation, next));
    return Optional.of(automation.id().toString());
  }

  private Optional<Crontime> crontime(String raw) {
    try {
      Crontime crontime = Crontime.parse(raw);
      return calendar.problem(crontime).isPresent() ? Optional.empty() : Optional.of(crontime);
    } catch (InvalidCrontimeException e) {
      return Optional.empty();
    }
  }

  /** The imported conversation Khoj named, when it is the owner's; else a new one for the automation's runs. */
  private UUID conversation(UserId owner, Optional<String> named, String subject, Instant now) {
    Optional<UUID> existing = named
        .flatMap(AutomationImport::uuid)
        .filter(id -> conversations.find(owner, id).isPresent());
    if (existing.isPresent()) {
      return existing.get();
    }
    UUID id = ids.newId();
    conversations.createIfAbsent(new Conversation(
        id, owner, Automation.conversationTitle(subject), subject, null, List.of(), now, now));
    return id;
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Khoj's subject, else the question's first line, within the subject's length. */
  private static String subject(String given, String question) {
    String subject = given == null || given.isBlank()
        ? question.lines().findFirst().orElse(question).strip()
        : given.strip();
    return subject.length() <= Automation.MAX_SUBJECT
        ? subject
        : subject.substring(0, Automation.MAX_SUBJECT - 1) + "…";
  }

  /** The job's zone; Khoj schedules in UTC when it has none or one it does not know, and so does this server. */
  private static ZoneId zone(Optional<String> timezone) {
    try {
      return timezone.map(ZoneId::of).orElse(UTC);
    } catch (DateTimeException e) {
      return UTC;
    }
  }
}
