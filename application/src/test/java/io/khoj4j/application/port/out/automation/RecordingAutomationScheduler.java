package io.khoj4j.application.port.out.automation;

import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The next run of each automation, as a scheduler would keep it. */
public final class RecordingAutomationScheduler implements AutomationScheduler {

  public final Map<UUID, Instant> next = new ConcurrentHashMap<>();

  @Override
  public void schedule(Automation automation, Instant at) {
    next.put(automation.id(), at);
  }

  @Override
  public void cancel(UserId owner, UUID automationId) {
    next.remove(automationId);
  }
}
