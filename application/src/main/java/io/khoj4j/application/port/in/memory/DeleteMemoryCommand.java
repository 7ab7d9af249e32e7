package io.khoj4j.application.port.in.memory;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record DeleteMemoryCommand(UserId userId, long memoryId) {

  public DeleteMemoryCommand {
    Objects.requireNonNull(userId, "userId");
  }
}
