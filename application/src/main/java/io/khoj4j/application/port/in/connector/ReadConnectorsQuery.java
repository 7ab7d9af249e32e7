package io.khoj4j.application.port.in.connector;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record ReadConnectorsQuery(UserId owner) {

  public ReadConnectorsQuery {
    Objects.requireNonNull(owner, "owner");
  }
}
