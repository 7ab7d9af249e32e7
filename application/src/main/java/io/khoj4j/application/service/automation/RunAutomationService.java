package io.khoj4j.application.service.automation;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.automation.RunAutomationCommand;
import io.khoj4j.application.port.in.automation.RunAutomationUseCase;
import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.port.in.chat.ChatUseCase;
import io.khoj4j.application.port.out.automation.AutomationMailer;
import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.CronCalendar;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.user.User;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A scheduled run. The question is asked as a chat turn of the owner's, in the automation's conversation, so the
 * answer is stored there like any other (the owner's model and notes; nobody streams it). When mail is configured and
 * the owner's model judges the answer worth it ({@link NotificationJudge}), it then goes to the owner by e-mail; an
 * answer the model did not finish (cut at its length, stopped by a filter) is only stored. A failed turn or mail is
 * logged and the schedule goes on.
 */
public final class RunAutomationService implements RunAutomationUseCase {

  private static final Logger LOG = System.getLogger(RunAutomationService.class.getName());
  static final int NOTES_PER_QUERY = 7;

  private final AutomationRepository automations;
  private final ConversationRepository conversations;
  private final UserRepository users;
  private final ChatUseCase chat;
  private final AutomationMailer mailer;
  private final UnitOfWork unitOfWork;
  private final AutomationPlanner planner;
  private final Clock clock;
  private final Duration missedRunGrace;
  private final NotificationJudge judge;

  public RunAutomationService(
      AutomationRepository automations,
      ConversationRepository conversations,
      UserRepository users,
      ChatUseCase chat,
      AutomationMailer mailer,
      NotificationModel notifications,
      CronCalendar calendar,
      UnitOfWork unitOfWork,
      Clock clock,
      Duration missedRunGrace) {
    this.automations = automations;
    this.conversations = conversations;
    this.users = users;
    this.chat = chat;
    this.mailer = mailer;
    this.unitOfWork = unitOfWork;
    this.planner = new AutomationPlanner(calendar, clock);
    this.clock = clock;
    this.missedRunGrace = missedRunGrace;
    this.judge = new NotificationJudge(
        notifications.models(), notifications.gateway(), notifications.replies());
  }

  /** The ports through which the owner's chat model judges whether an answer is worth a mail. */
  public record NotificationModel(
      ChatModelSelection models, ChatModelGateway gateway, ModelReplyReader replies) {}

  @Override
  public Optional<Instant> run(RunAutomationCommand command) {
    Optional<Automation> found = automations.find(command.owner(), command.automationId());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Automation automation = found.get();
    if (conversations.find(automation.owner(), automation.conversationId()).isEmpty()) {
      LOG.log(
          Level.INFO, "Automation {0} is deleted: its conversation was deleted", automation.id());
      unitOfWork.run(() -> automations.delete(automation.owner(), automation.id()));
      return Optional.empty();
    }
    Duration late = Duration.between(command.dueAt(), clock.instant());
    if (late.compareTo(missedRunGrace) > 0) {
      LOG.log(
          Level.INFO,
          "Automation {0}: the run due at {1} is skipped, {2} late",
          automation.id(),
          command.dueAt(),
          late);
    } else {
      ask(automation).ifPresent(answer -> mail(automation, answer));
    }
    // the automation as it is now: deleted or rescheduled while the run asked its question, the row
    // follows what the owner did (a run in progress cannot have its row moved or removed meanwhile)
    return automations.find(automation.owner(), automation.id()).flatMap(planner::next);
  }

  private Optional<String> ask(Automation automation) {
    ChatCommand question = new ChatCommand(
        automation.owner(),
        // with the task prefix: the turn then knows it is a run (it writes no memories and does not
        // offer
        // to schedule another automation), and answers the question after it
        Automation.taskQuery(automation.queryToRun()),
        NOTES_PER_QUERY,
        Optional.empty(),
        Optional.of(automation.conversationId()),
        Optional.empty(),
        Optional.empty(),
        false,
        new ChatCommand.Location(
            automation.place().city(),
            automation.place().region(),
            automation.place().country(),
            null,
            automation.zone().getId()),
        null,
        null);
    ChatOutcome outcome = chat.chat(question, new Unwatched());
    return switch (outcome) {
      case ChatOutcome.Answered answered
      when !answered.whole() -> {
        // cut short or stopped (its notice says how): kept in the conversation, not worth a mail
        LOG.log(
            Level.INFO,
            "Automation {0}: the model did not finish its answer, so it is not mailed",
            automation.id());
        yield Optional.empty();
      }
      case ChatOutcome.Answered answered
      when !answered.response().isBlank() -> Optional.of(answered.response());
      case ChatOutcome.Failed failed -> {
        LOG.log(
            Level.WARNING,
            "Automation {0} got no answer: {1}",
            automation.id(),
            failed.error().getMessage());
        yield Optional.empty();
      }
      default -> Optional.empty();
    };
  }

  private void mail(Automation automation, String answer) {
    if (!mailer.available()
        || !judge.worthSending(
            automation.owner(), Automation.question(automation.queryToRun()), answer)) {
      return;
    }
    Optional<String> email =
        users.findById(automation.owner()).map(User::email).filter(e -> !e.isBlank());
    if (email.isEmpty()) {
      return;
    }
    try {
      mailer.send(email.get(), automation.subject(), answer);
    } catch (UpstreamFailureException e) {
      LOG.log(
          Level.WARNING,
          "Automation {0}: the e-mail was not sent: {1}",
          automation.id(),
          e.getMessage());
    }
  }

  /** Nobody watches a scheduled turn: its events go nowhere and it is never cancelled by a client. */
  private static final class Unwatched implements ChatEventSink {
    @Override
    public void emit(ChatEvent event) {
      // nobody to show it to: the answer is stored with the turn
    }

    @Override
    public boolean cancelled() {
      return false;
    }
  }
}
