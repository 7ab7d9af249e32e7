package io.khoj4j.application.port.in.automation;

/** Runs an automation now, in the background, on whichever replica picks it up first; its schedule then resumes. */
public interface TriggerAutomationUseCase {

  /** @throws io.khoj4j.application.error.ForbiddenException when the owner has no such automation */
  void trigger(TriggerAutomationCommand command);
}
