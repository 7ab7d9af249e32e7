package io.khoj4j.application.port.in.automation;

import java.time.Instant;
import java.util.Optional;

/**
 * One scheduled run: a chat turn in the owner's name, stored in the automation's conversation, and the answer mailed
 * to the owner when mail is configured. Called by the scheduler, never by a client. A run found more than the missed-run
 * grace period after it was due (the server was down) is skipped: the automation waits for its next occurrence.
 */
public interface RunAutomationUseCase {

  /**
   * When the automation should run next; empty when it no longer exists (deleted, or its conversation was deleted —
   * then it is deleted too) or its schedule never fires again.
   */
  Optional<Instant> run(RunAutomationCommand command);
}
