package io.khoj4j.application.port.out.automation;

import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps each automation's next run in a schedule that every replica shares, so that each occurrence runs once and
 * survives restarts. A due run calls {@code RunAutomationUseCase}.
 */
public interface AutomationScheduler {

  /** Schedules (or moves) the automation's next run to {@code at}. */
  void schedule(Automation automation, Instant at);

  /** Removes its scheduled runs; nothing happens when there are none. */
  void cancel(UserId owner, UUID automationId);
}
