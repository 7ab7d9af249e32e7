package io.khoj4j.application.port.in.automation;

/** Creates an automation with a conversation of its own and schedules its first run. */
public interface CreateAutomationUseCase {

  AutomationDetails create(CreateAutomationCommand command);
}
