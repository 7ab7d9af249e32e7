package io.khoj4j.application.port.in.automation;

import java.util.Optional;

/** Deletes an automation and its scheduled runs; its conversation stays. */
public interface DeleteAutomationUseCase {

  /** What was deleted; empty when the owner has no such automation. */
  Optional<AutomationDetails> delete(DeleteAutomationCommand command);
}
