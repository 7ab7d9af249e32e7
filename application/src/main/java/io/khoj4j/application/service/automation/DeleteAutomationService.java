package io.khoj4j.application.service.automation;

import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.DeleteAutomationCommand;
import io.khoj4j.application.port.in.automation.DeleteAutomationUseCase;
import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.AutomationScheduler;
import io.khoj4j.application.port.out.automation.CronCalendar;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import java.time.Clock;
import java.util.Optional;

public final class DeleteAutomationService implements DeleteAutomationUseCase {

  private final AutomationRepository automations;
  private final AutomationScheduler scheduler;
  private final UnitOfWork unitOfWork;
  private final AutomationPlanner planner;

  public DeleteAutomationService(
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
  public Optional<AutomationDetails> delete(DeleteAutomationCommand command) {
    return automations.find(command.owner(), command.automationId()).map(automation -> {
      AutomationDetails details = planner.details(automation);
      unitOfWork.run(() -> {
        automations.delete(automation.owner(), automation.id());
        scheduler.cancel(automation.owner(), automation.id());
      });
      return details;
    });
  }
}
