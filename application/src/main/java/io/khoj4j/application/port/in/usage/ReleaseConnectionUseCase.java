package io.khoj4j.application.port.in.usage;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** A WebSocket connection admitted by {@link AdmitUsageUseCase} closed: its place is free again. */
public interface ReleaseConnectionUseCase {

  void release(ReleaseConnectionCommand command);

  record ReleaseConnectionCommand(UserId user, String connectionId) {
    public ReleaseConnectionCommand {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(connectionId, "connectionId");
    }
  }
}
