package io.khoj4j.application.port.in.automation;

/** Changes an automation's question, subject, schedule or zone, and moves its next run accordingly. */
public interface UpdateAutomationUseCase {

  /** @throws io.khoj4j.application.error.ForbiddenException when the owner has no such automation */
  AutomationDetails update(UpdateAutomationCommand command);
}
