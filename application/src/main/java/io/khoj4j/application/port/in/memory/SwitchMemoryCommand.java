package io.khoj4j.application.port.in.memory;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record SwitchMemoryCommand(UserId userId, boolean enabled) {

  public SwitchMemoryCommand {
    Objects.requireNonNull(userId, "userId");
  }
}
