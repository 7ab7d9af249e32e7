package io.khoj4j.application.port.in.automation;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.UUID;

public record DeleteAutomationCommand(UserId owner, UUID automationId) {

  public DeleteAutomationCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(automationId, "automationId");
  }
}
