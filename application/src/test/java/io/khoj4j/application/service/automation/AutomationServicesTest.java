package io.khoj4j.application.service.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.AutomationSpec;
import io.khoj4j.application.port.in.automation.CreateAutomationCommand;
import io.khoj4j.application.port.in.automation.DeleteAutomationCommand;
import io.khoj4j.application.port.in.automation.RunAutomationCommand;
import io.khoj4j.application.port.in.automation.TriggerAutomationCommand;
import io.khoj4j.application.port.in.automation.UpdateAutomationCommand;
import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.port.in.chat.ChatUseCase;
import io.khoj4j.application.port.out.automation.DailyCronCalendar;
import io.khoj4j.application.port.out.automation.InMemoryAutomationRepository;
import io.khoj4j.application.port.out.automation.RecordingAutomationMailer;
import io.khoj4j.application.port.out.automation.RecordingAutomationScheduler;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.application.port.out.conversation.InMemoryConversationRepository;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.TokenUsage;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AutomationServicesTest {

  private final MutableClock clock = MutableClock.at("2026-12-04T10:00:00Z");
  private final InMemoryAutomationRepository automations = new InMemoryAutomationRepository();
  private final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final RecordingAutomationScheduler scheduler = new RecordingAutomationScheduler();
  private final RecordingAutomationMailer mailer = new RecordingAutomationMailer(true);
  private final DailyCronCalendar calendar = new DailyCronCalendar();
  private final List<ChatCommand> asked = new CopyOnWriteArrayList<>();
  /** What the owner does while a run waits for its answer. */
  private Runnable whileAsking = () -> {};

  /** The answer a run gets, and whether the model finished it. */
  private String answer = "**Rust 1.90** is out.";

  private boolean answerWhole = true;

  private final ChatUseCase chat = (command, sink) -> {
    asked.add(command);
    whileAsking.run();
    return new ChatOutcome.Answered(
        command.conversationId().orElseThrow(),
        "t1",
        answer,
        List.of(),
        List.of(),
        TokenUsage.NONE,
        answerWhole);
  };
  private final User alice = users.insertIfAbsent(new User(
      new UserId(UUID.randomUUID()),
      "alice",
      "alice@example.org",
      "",
      "",
      true,
      false,
      clock.instant()));

  private final CreateAutomationService create = new CreateAutomationService(
      automations,
      conversations,
      scheduler,
      calendar,
      new DirectUnitOfWork(),
      new SequentialIdGenerator(),
      clock,
      2);
  private final UpdateAutomationService update =
      new UpdateAutomationService(automations, scheduler, calendar, new DirectUnitOfWork(), clock);
  private final DeleteAutomationService delete =
      new DeleteAutomationService(automations, scheduler, calendar, new DirectUnitOfWork(), clock);
  private final TriggerAutomationService trigger =
      new TriggerAutomationService(automations, scheduler, clock);

  /** What the owner's model says when asked whether to notify; null: no model configured. */
  private String notifyVerdict = "{\"notify\": \"yes\", \"reason\": \"news\"}";

  private final List<String> judged = new CopyOnWriteArrayList<>();

  private RunAutomationService run(RecordingAutomationMailer mailer) {
    ChatModelEndpoint model = new ChatModelEndpoint(
        ModelVendor.OPENAI, "local", "http://127.0.0.1:1/v1", "", 8000, false);
    ChatModelSelection models =
        user -> notifyVerdict == null ? Optional.empty() : Optional.of(model);
    ChatModelGateway gateway = new ChatModelGateway() {
      @Override
      public ChatStream stream(ChatCompletionRequest request, ChatStreamListener listener) {
        throw new UnsupportedOperationException("runs never stream");
      }

      @Override
      public ChatCompletion complete(ChatCompletionRequest request) {
        judged.add(request.messages().getFirst().text());
        return new ChatCompletion(notifyVerdict, "", TokenUsage.NONE);
      }
    };
    ModelReplyReader replies = new ModelReplyReader() {
      @Override
      public List<String> strings(String reply, String field) {
        return List.of();
      }

      @Override
      public Optional<String> string(String reply, String field) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("\"" + field + "\":\\s*\"(\\w+)\"").matcher(reply);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
      }

      @Override
      public Optional<String> object(String reply, String field) {
        return Optional.empty();
      }
    };
    return new RunAutomationService(
        automations,
        conversations,
        users,
        chat,
        mailer,
        new RunAutomationService.NotificationModel(models, gateway, replies),
        calendar,
        new DirectUnitOfWork(),
        clock,
        Duration.ofHours(1));
  }

  private static AutomationSpec daily(String query, String cron, String zone) {
    return new AutomationSpec(
        query,
        cron,
        Optional.empty(),
        Optional.ofNullable(zone),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void creatingStoresTheAutomationItsConversationAndItsFirstRunInItsZone() {
    AutomationDetails details = create.create(new CreateAutomationCommand(
        alice.id(), daily("news on rust", "0 9 * * *", "Europe/Berlin")));

    assertThat(details.next()).contains(Instant.parse("2026-12-05T08:00:00Z"));
    assertThat(scheduler.next)
        .containsEntry(details.automation().id(), Instant.parse("2026-12-05T08:00:00Z"));
    assertThat(conversations.find(alice.id(), details.automation().conversationId()))
        .isPresent();
    assertThat(details.automation().queryToRun()).isEqualTo("/automated_task news on rust");
  }

  @Test
  void aSubjectAsLongAsAllowedGivesAConversationTitleWithinATitlesLength() {
    String subject = "s".repeat(Automation.MAX_SUBJECT);
    AutomationDetails details = create.create(new CreateAutomationCommand(
        alice.id(),
        new AutomationSpec(
            "news on rust",
            "0 9 * * *",
            Optional.of(subject),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty())));

    assertThat(details.automation().subject()).isEqualTo(subject);
    assertThat(conversations.find(alice.id(), details.automation().conversationId()))
        .get()
        .satisfies(c -> {
          assertThat(c.title())
              .hasSize(Conversation.MAX_TITLE)
              .startsWith("Automation: sss")
              .endsWith("…");
        });
  }

  @Test
  void aCalendarProblemOrAnUnknownZoneIsInvalidInputAndNothingIsStored() {
    assertThatThrownBy(() ->
            create.create(new CreateAutomationCommand(alice.id(), daily("x", "0 9 * * 1", null))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Invalid crontime");
    assertThatThrownBy(() -> create.create(
            new CreateAutomationCommand(alice.id(), daily("x", "0 9 * * *", "Nowhere/X"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown time zone");
    assertThat(automations.list(alice.id())).isEmpty();
    assertThat(scheduler.next).isEmpty();
  }

  @Test
  void theNumberOfAutomationsPerUserIsCapped() {
    create.create(new CreateAutomationCommand(alice.id(), daily("a", "0 9 * * *", null)));
    create.create(new CreateAutomationCommand(alice.id(), daily("b", "0 9 * * *", null)));

    assertThatThrownBy(() ->
            create.create(new CreateAutomationCommand(alice.id(), daily("c", "0 9 * * *", null))))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(automations.count(alice.id())).isEqualTo(2);
  }

  @Test
  void updatingMovesTheNextRunAndOnlyTheOwnerMay() {
    UUID id = create
        .create(new CreateAutomationCommand(alice.id(), daily("a", "0 9 * * *", "UTC")))
        .automation()
        .id();

    update.update(new UpdateAutomationCommand(alice.id(), id, daily("a", "30 7 * * *", "UTC")));
    assertThat(scheduler.next).containsEntry(id, Instant.parse("2026-12-05T07:30:00Z"));

    UserId bob = new UserId(UUID.randomUUID());
    assertThatThrownBy(() ->
            update.update(new UpdateAutomationCommand(bob, id, daily("b", "0 9 * * *", null))))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> trigger.trigger(new TriggerAutomationCommand(bob, id)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(delete.delete(new DeleteAutomationCommand(bob, id))).isEmpty();
    assertThat(scheduler.next).containsEntry(id, Instant.parse("2026-12-05T07:30:00Z"));
  }

  @Test
  void triggeringMakesTheRunDueNow() {
    UUID id = create
        .create(new CreateAutomationCommand(alice.id(), daily("a", "0 9 * * *", "UTC")))
        .automation()
        .id();

    trigger.trigger(new TriggerAutomationCommand(alice.id(), id));

    assertThat(scheduler.next).containsEntry(id, clock.instant());
  }

  @Test
  void aRunAsksTheQuestionInTheAutomationsConversationMailsTheAnswerAndReturnsTheNextRun() {
    AutomationDetails created = create.create(new CreateAutomationCommand(
        alice.id(), daily("/automated_task news on rust", "0 9 * * *", "UTC")));
    clock.advance(Duration.ofHours(23)); // 2026-12-05T09:00Z, when the run is due

    Optional<Instant> next = run(mailer)
        .run(new RunAutomationCommand(
            alice.id(), created.automation().id(), Instant.parse("2026-12-05T09:00:00Z")));

    assertThat(asked).singleElement().satisfies(command -> {
      assertThat(command.q()).isEqualTo("/automated_task news on rust");
      assertThat(ConversationCommand.parse(command.q()))
          .isEqualTo(
              new ConversationCommand.Parsed(ConversationCommand.AUTOMATED_TASK, "news on rust"));
      assertThat(command.user()).isEqualTo(alice.id());
      assertThat(command.conversationId()).contains(created.automation().conversationId());
    });
    assertThat(mailer.sent)
        .containsExactly(new RecordingAutomationMailer.Sent(
            "alice@example.org", "news on rust", "**Rust 1.90** is out."));
    assertThat(next).contains(Instant.parse("2026-12-06T09:00:00Z"));
  }

  @Test
  void aRunAsksFromThePlaceTheOwnerWasInAndAnEditWithoutAPlaceKeepsIt() {
    AutomationDetails created = create.create(new CreateAutomationCommand(
        alice.id(),
        new AutomationSpec(
            "weather forecast for today",
            "0 7 * * *",
            Optional.empty(),
            Optional.of("Europe/Berlin"),
            Optional.of("Lindau"),
            Optional.of("Bavaria"),
            Optional.of("Germany"))));
    UUID id = created.automation().id();
    update.update(new UpdateAutomationCommand(
        alice.id(), id, daily("weather forecast for today", "30 7 * * *", "Europe/Berlin")));

    run(mailer).run(new RunAutomationCommand(alice.id(), id, clock.instant()));

    assertThat(asked).singleElement().satisfies(command -> {
      assertThat(command.location().describe()).isEqualTo("Lindau, Bavaria, Germany");
      assertThat(command.location().timezone()).isEqualTo("Europe/Berlin");
    });
  }

  @Test
  void theOwnersModelDecidesWhetherTheAnswerIsWorthAMail() {
    AutomationDetails created = create.create(new CreateAutomationCommand(
        alice.id(), daily("tell me when rust 2 ships", "0 9 * * *", "UTC")));

    notifyVerdict = "{\"notify\": \"no\", \"reason\": \"not yet\"}";
    run(mailer)
        .run(new RunAutomationCommand(alice.id(), created.automation().id(), clock.instant()));
    assertThat(mailer.sent).isEmpty();
    assertThat(judged)
        .singleElement()
        .asString()
        .contains("tell me when rust 2 ships", "**Rust 1.90** is out.");

    notifyVerdict = "not json at all";
    run(mailer)
        .run(new RunAutomationCommand(alice.id(), created.automation().id(), clock.instant()));
    assertThat(mailer.sent).as("an unreadable verdict notifies").hasSize(1);

    notifyVerdict = null;
    run(mailer)
        .run(new RunAutomationCommand(alice.id(), created.automation().id(), clock.instant()));
    assertThat(mailer.sent).as("no model to ask notifies").hasSize(2);
  }

  @Test
  void anAnswerTheModelDidNotFinishIsNotMailed() {
    AutomationDetails created =
        create.create(new CreateAutomationCommand(alice.id(), daily("news", "0 9 * * *", "UTC")));
    answer = "⚠️ The model provider's safety filter stopped this answer.";
    answerWhole = false;

    Optional<Instant> next = run(mailer)
        .run(new RunAutomationCommand(alice.id(), created.automation().id(), clock.instant()));

    assertThat(asked).hasSize(1);
    assertThat(judged).as("not even judged").isEmpty();
    assertThat(mailer.sent).isEmpty();
    assertThat(next).as("the schedule goes on").isPresent();

    answer = "Rust 1.91 is out.";
    answerWhole = true;
    run(mailer)
        .run(new RunAutomationCommand(alice.id(), created.automation().id(), clock.instant()));
    assertThat(mailer.sent).hasSize(1);
  }

  @Test
  void withoutMailTheAnswerIsOnlyStored() {
    RecordingAutomationMailer off = new RecordingAutomationMailer(false);
    AutomationDetails created =
        create.create(new CreateAutomationCommand(alice.id(), daily("news", "0 9 * * *", "UTC")));

    run(off).run(new RunAutomationCommand(alice.id(), created.automation().id(), clock.instant()));

    assertThat(asked).hasSize(1);
    assertThat(off.sent).isEmpty();
  }

  @Test
  void aRunMissedForLongerThanTheGraceIsSkippedButTheScheduleGoesOn() {
    AutomationDetails created =
        create.create(new CreateAutomationCommand(alice.id(), daily("news", "0 9 * * *", "UTC")));
    Instant due = Instant.parse("2026-12-05T09:00:00Z");
    clock.advance(
        Duration.ofDays(1).plusHours(3)); // the server was down: found at 13:00, four hours late

    Optional<Instant> next = run(mailer)
        .run(new RunAutomationCommand(alice.id(), created.automation().id(), due));

    assertThat(asked).isEmpty();
    assertThat(mailer.sent).isEmpty();
    assertThat(next).contains(Instant.parse("2026-12-06T09:00:00Z"));
  }

  @Test
  void aRunEndsOnTheScheduleTheOwnerLeftWhileItWasAsking() {
    UUID id = create
        .create(new CreateAutomationCommand(alice.id(), daily("news", "0 9 * * *", "UTC")))
        .automation()
        .id();

    whileAsking = () -> update.update(
        new UpdateAutomationCommand(alice.id(), id, daily("news", "30 7 * * *", "UTC")));
    assertThat(run(mailer).run(new RunAutomationCommand(alice.id(), id, clock.instant())))
        .as("changed during the run: the next run is the new schedule's")
        .contains(Instant.parse("2026-12-05T07:30:00Z"));

    whileAsking = () -> delete.delete(new DeleteAutomationCommand(alice.id(), id));
    assertThat(run(mailer).run(new RunAutomationCommand(alice.id(), id, clock.instant())))
        .as("deleted during the run: no next run")
        .isEmpty();
    assertThat(asked).hasSize(2);
  }

  @Test
  void aRunWhoseConversationWasDeletedDeletesTheAutomationAndStops() {
    AutomationDetails created =
        create.create(new CreateAutomationCommand(alice.id(), daily("news", "0 9 * * *", "UTC")));
    conversations.delete(alice.id(), created.automation().conversationId());

    Optional<Instant> next = run(mailer)
        .run(new RunAutomationCommand(alice.id(), created.automation().id(), clock.instant()));

    assertThat(next).isEmpty();
    assertThat(asked).isEmpty();
    assertThat(automations.list(alice.id())).isEmpty();
  }
}
