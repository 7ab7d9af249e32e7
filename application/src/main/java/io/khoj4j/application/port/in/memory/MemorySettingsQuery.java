package io.khoj4j.application.port.in.memory;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record MemorySettingsQuery(UserId userId) {

  public MemorySettingsQuery {
    Objects.requireNonNull(userId, "userId");
  }
}
