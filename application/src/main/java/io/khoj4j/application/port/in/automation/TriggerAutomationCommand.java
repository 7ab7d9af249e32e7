package io.khoj4j.application.port.in.automation;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.UUID;

public record TriggerAutomationCommand(UserId owner, UUID automationId) {

  public TriggerAutomationCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(automationId, "automationId");
  }
}
