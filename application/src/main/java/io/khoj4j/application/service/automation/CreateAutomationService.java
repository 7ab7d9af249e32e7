package io.khoj4j.application.service.automation;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.CreateAutomationCommand;
import io.khoj4j.application.port.in.automation.CreateAutomationUseCase;
import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.AutomationScheduler;
import io.khoj4j.application.port.out.automation.CronCalendar;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.chat.Conversation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Stores the automation, its conversation ("Automation: subject") and its first scheduled run in one transaction, so
 * an automation never exists without its schedule, nor a schedule without its automation.
 */
public final class CreateAutomationService implements CreateAutomationUseCase {

  private final AutomationRepository automations;
  private final ConversationRepository conversations;
  private final AutomationScheduler scheduler;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;
  private final AutomationPlanner planner;
  private final int maxPerUser;

  public CreateAutomationService(
      AutomationRepository automations,
      ConversationRepository conversations,
      AutomationScheduler scheduler,
      CronCalendar calendar,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock,
      int maxPerUser) {
    this.automations = automations;
    this.conversations = conversations;
    this.scheduler = scheduler;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
    this.planner = new AutomationPlanner(calendar, clock);
    this.maxPerUser = maxPerUser;
  }

  @Override
  public AutomationDetails create(CreateAutomationCommand command) {
    Instant now = clock.instant();
    Automation automation =
        planner.automation(ids.newId(), command.owner(), ids.newId(), now, command.request());
    unitOfWork.run(() -> {
      if (automations.count(command.owner()) >= maxPerUser) {
        throw new QuotaExceededException(
            "You have " + maxPerUser + " automations, the most allowed. Delete one first.");
      }
      conversations.createIfAbsent(new Conversation(
          automation.conversationId(),
          command.owner(),
          automation.conversationTitle(),
          automation.subject(),
          null,
          List.of(),
          now,
          now));
      automations.insert(automation);
      planner.next(automation).ifPresent(next -> scheduler.schedule(automation, next));
    });
    return planner.details(automation);
  }
}
