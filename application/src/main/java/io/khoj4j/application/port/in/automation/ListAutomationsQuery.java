package io.khoj4j.application.port.in.automation;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record ListAutomationsQuery(UserId owner) {

  public ListAutomationsQuery {
    Objects.requireNonNull(owner, "owner");
  }
}
