package io.khoj4j.application.port.in.automation;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.UUID;

public record UpdateAutomationCommand(UserId owner, UUID automationId, AutomationSpec request) {

  public UpdateAutomationCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(automationId, "automationId");
    Objects.requireNonNull(request, "request");
  }
}
