package io.khoj4j.bootstrap.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.AutomationSpec;
import io.khoj4j.application.port.in.automation.CreateAutomationCommand;
import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.port.in.chat.ChatUseCase;
import io.khoj4j.application.port.out.automation.AutomationMailer;
import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.AutomationScheduler;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.application.service.automation.CreateAutomationService;
import io.khoj4j.application.service.automation.RunAutomationService;
import io.khoj4j.bootstrap.jobs.AutomationRunTask;
import io.khoj4j.bootstrap.jobs.ClusterJobScheduler;
import io.khoj4j.bootstrap.jobs.ClusterJobSettings;
import io.khoj4j.bootstrap.jobs.CronUtilsCronCalendar;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Automations end to end on a clock the test moves: two daily 09:00 automations, one in Berlin and one in New York,
 * through March 2026, when New York (8 March) and Berlin (29 March) move to summer time. Two scheduler replicas poll
 * one database; the stub chat answers; each answer is mailed to a real SMTP server (GreenMail). Every run must happen
 * once, at 09:00 local time on both sides of each change, and not before.
 *
 * <p>The application's own scheduler is off in this profile, so only the two replicas of the test run automations,
 * and the dates (in the past of the wall clock) are reached by no other test's automation.
 */
@QuarkusTest
@TestProfile(AutomationScheduleIT.WithSmtpAndNoScheduler.class)
class AutomationScheduleIT {

  static final int SMTP_PORT = freePort();
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Duration WAIT =
      Duration.ofSeconds(120); // a bound, not a timing: a loaded machine runs the pollers late

  public static class WithSmtpAndNoScheduler implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "khoj.jobs.enabled", "false",
          "quarkus.mailer.mock", "false",
          "quarkus.mailer.host", "127.0.0.1",
          "quarkus.mailer.port", Integer.toString(SMTP_PORT),
          "quarkus.mailer.tls", "false",
          "quarkus.mailer.start-tls", "DISABLED",
          "khoj.mail.from", "automations@khoj4j.test");
    }
  }

  @Inject
  DataSource dataSource;

  @Inject
  AutomationRepository automations;

  @Inject
  ConversationRepository conversations;

  @Inject
  UserRepository users;

  @Inject
  AutomationScheduler scheduler;

  @Inject
  AutomationMailer mailer;

  @Inject
  UnitOfWork unitOfWork;

  @Inject
  IdGenerator ids;

  @Inject
  ChatModelGateway gateway;

  @Inject
  ModelReplyReader replies;

  private GreenMail smtp;
  private final List<Scheduler> replicas = new ArrayList<>();
  /** Each run the chat was asked for: the automation's conversation and the time the services saw. */
  private final List<Run> runs = Collections.synchronizedList(new ArrayList<>());

  private record Run(UUID conversation, Instant at) {}

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stop() {
    replicas.forEach(Scheduler::stop);
    smtp.stop();
  }

  @Test
  void dailyAutomationsRunOnceAtNineLocalInTwoZonesAcrossSummerTimeAndMailTheirAnswers()
      throws Exception {
    TestUser alice = TestUsers.create();
    MutableClock clock = MutableClock.at("2026-03-06T12:00:00Z");
    SettableClock schedulerClock = new SettableClock();
    schedulerClock.set(clock.instant());
    CronUtilsCronCalendar calendar = new CronUtilsCronCalendar();
    ChatUseCase chat = (command, sink) -> {
      runs.add(new Run(command.conversationId().orElseThrow(), clock.instant()));
      return new ChatOutcome.Answered(
          command.conversationId().orElseThrow(),
          "t",
          "Solar output rose **3 %**.",
          List.of(),
          List.of(),
          io.khoj4j.domain.chat.TokenUsage.NONE,
          true);
    };
    CreateAutomationService create = new CreateAutomationService(
        automations, conversations, scheduler, calendar, unitOfWork, ids, clock, 50);
    RunAutomationService run = new RunAutomationService(
        automations,
        conversations,
        users,
        chat,
        mailer,
        new RunAutomationService.NotificationModel(user -> Optional.empty(), gateway, replies),
        calendar,
        unitOfWork,
        clock,
        Duration.ofHours(1));
    AutomationDetails berlin = create.create(
        new CreateAutomationCommand(alice.id(), request("Solar news Berlin", BERLIN)));
    AutomationDetails newYork = create.create(
        new CreateAutomationCommand(alice.id(), request("Solar news New York", NEW_YORK)));
    for (String name : List.of("replica-a", "replica-b")) {
      Scheduler replica = ClusterJobScheduler.create(
          dataSource,
          List.of(),
          List.of(AutomationRunTask.task(run::run)),
          new FastSettings(),
          name,
          schedulerClock);
      replicas.add(replica);
      replica.start();
    }

    // Every 09:00 in each zone from the first after the start until the day after Berlin's change.
    List<Expected> expected = new ArrayList<>();
    for (LocalDate day = LocalDate.of(2026, 3, 6);
        !day.isAfter(LocalDate.of(2026, 3, 30));
        day = day.plusDays(1)) {
      for (AutomationDetails a : List.of(berlin, newYork)) {
        Instant at =
            day.atTime(LocalTime.of(9, 0)).atZone(a.automation().zone()).toInstant();
        if (at.isAfter(clock.instant())) {
          expected.add(new Expected(a.automation().conversationId(), at));
        }
      }
    }
    expected.sort((x, y) -> x.at().compareTo(y.at()));
    assertThat(expected)
        .extracting(Expected::at)
        .contains(
            Instant.parse("2026-03-06T14:00:00Z"), // New York, EST (UTC-5)
            Instant.parse("2026-03-09T13:00:00Z"), // New York, EDT (UTC-4) after 8 March
            Instant.parse("2026-03-29T07:00:00Z"), // Berlin, CEST (UTC+2) on the day of the change
            Instant.parse("2026-03-28T08:00:00Z")); // Berlin, CET (UTC+1) the day before

    for (Expected next : expected) {
      // A minute before: nothing runs, on either replica.
      moveTo(next.at().minusSeconds(60), clock, schedulerClock);
      int before = runs.size();
      pollBoth();
      assertThat(runs).as("no run before %s", next.at()).hasSize(before);
      // At the due time: exactly one run, of that automation, seen at that instant.
      moveTo(next.at(), clock, schedulerClock);
      pollBoth();
      await(() -> runs.size() > before
          && nextDue(next.conversation()).filter(due -> due.isAfter(next.at())).isPresent());
      pollBoth();
      assertThat(runs.subList(before, runs.size()))
          .as("runs at %s", next.at())
          .containsExactly(new Run(next.conversation(), next.at()));
    }

    assertThat(runs).hasSize(expected.size());
    assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), expected.size())).isTrue();
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(expected.size());
    assertThat(mails)
        .extracting(MimeMessage::getSubject)
        .containsOnly("Solar news Berlin", "Solar news New York");
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(alice.email());
  }

  private record Expected(UUID conversation, Instant at) {}

  private static AutomationSpec request(String subject, ZoneId zone) {
    return new AutomationSpec(
        "Summarise the solar power news",
        "0 9 * * *",
        Optional.of(subject),
        Optional.of(zone.getId()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static void moveTo(Instant at, MutableClock clock, SettableClock schedulerClock) {
    clock.advance(Duration.between(clock.instant(), at));
    schedulerClock.set(at);
  }

  private void pollBoth() throws InterruptedException {
    for (int poll = 0; poll < 3; poll++) {
      replicas.forEach(Scheduler::triggerCheckForDueExecutions);
      Thread.sleep(30);
    }
  }

  /** The due time of the automation whose conversation is {@code conversation}, when its row is waiting. */
  private Optional<Instant> nextDue(UUID conversation) {
    try (var connection = dataSource.getConnection();
        var select = connection.prepareStatement("select t.execution_time from scheduled_tasks t "
            + "join automations a on t.task_instance = a.id::text "
            + "where t.task_name = ? and a.conversation_id = ? and not t.picked")) {
      select.setString(1, AutomationRunTask.NAME);
      select.setObject(2, conversation);
      try (var rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within %s", WAIT).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class FastSettings implements ClusterJobSettings {
    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public Duration pollingInterval() {
      return Duration.ofMillis(100);
    }

    @Override
    public Duration heartbeatInterval() {
      return Duration.ofMillis(200);
    }

    @Override
    public int missedHeartbeats() {
      return 4;
    }

    @Override
    public int threads() {
      return 2;
    }

    @Override
    public Optional<String> replicaName() {
      return Optional.empty();
    }
  }
}
