package io.khoj4j.application.port.in.automation;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The run of {@code automationId} that was due at {@code dueAt}. */
public record RunAutomationCommand(UserId owner, UUID automationId, Instant dueAt) {

  public RunAutomationCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(automationId, "automationId");
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
