package io.khoj4j.application.service.automation;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.port.in.automation.TriggerAutomationCommand;
import io.khoj4j.application.port.in.automation.TriggerAutomationUseCase;
import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.AutomationScheduler;
import io.khoj4j.domain.automation.Automation;
import java.time.Clock;

/**
 * Moves the automation's next run to now: a replica picks it up within its polling interval, and the run itself
 * schedules the next regular occurrence.
 */
public final class TriggerAutomationService implements TriggerAutomationUseCase {

  private final AutomationRepository automations;
  private final AutomationScheduler scheduler;
  private final Clock clock;

  public TriggerAutomationService(
      AutomationRepository automations, AutomationScheduler scheduler, Clock clock) {
    this.automations = automations;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @Override
  public void trigger(TriggerAutomationCommand command) {
    Automation automation = automations
        .find(command.owner(), command.automationId())
        .orElseThrow(() -> new ForbiddenException("Invalid automation"));
    scheduler.schedule(automation, clock.instant());
  }
}
