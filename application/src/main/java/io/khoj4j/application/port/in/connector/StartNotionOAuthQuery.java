package io.khoj4j.application.port.in.connector;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record StartNotionOAuthQuery(UserId owner) {

  public StartNotionOAuthQuery {
    Objects.requireNonNull(owner, "owner");
  }
}
