package io.khoj4j.application.service.automation;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.UpdateAutomationCommand;
import io.khoj4j.application.port.in.automation.UpdateAutomationUseCase;
import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.AutomationScheduler;
import io.khoj4j.application.port.out.automation.CronCalendar;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.automation.Automation;
import java.time.Clock;

/** Changes an automation and moves its next run; its id, conversation and creation time stay. */
public final class UpdateAutomationService implements UpdateAutomationUseCase {

  private final AutomationRepository automations;
  private final AutomationScheduler scheduler;
  private final UnitOfWork unitOfWork;
  private final AutomationPlanner planner;

  public UpdateAutomationService(
      AutomationRepository automations,
      AutomationScheduler scheduler,
      CronCalendar calendar,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.automations = automations;
    this.scheduler = scheduler;
    this.unitOfWork = unitOfWork;
    this.planner = new AutomationPlanner(calendar, clock);
  }

  @Override
  public AutomationDetails update(UpdateAutomationCommand command) {
    Automation current = automations
        .find(command.owner(), command.automationId())
        .orElseThrow(() -> new ForbiddenException("Invalid automation"));
    Automation edited = planner.automation(
        current.id(),
        current.owner(),
        current.conversationId(),
        current.createdAt(),
        command.request());
    // an edit that names no place (the edit form sends none) keeps the one the automation was made
    // in
    Automation changed = edited.place().known()
        ? edited
        : new Automation(
            edited.id(),
            edited.owner(),
            edited.subject(),
            edited.queryToRun(),
            edited.schedulingRequest(),
            edited.crontime(),
            edited.zone(),
            edited.conversationId(),
            edited.createdAt(),
            current.place());
    unitOfWork.run(() -> {
      if (!automations.update(changed)) {
        throw new ForbiddenException("Invalid automation");
      }
      scheduler.cancel(changed.owner(), changed.id());
      planner.next(changed).ifPresent(next -> scheduler.schedule(changed, next));
    });
    return planner.details(changed);
  }
}
