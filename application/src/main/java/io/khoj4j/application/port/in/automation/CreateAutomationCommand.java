package io.khoj4j.application.port.in.automation;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record CreateAutomationCommand(UserId owner, AutomationSpec request) {

  public CreateAutomationCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(request, "request");
  }
}
