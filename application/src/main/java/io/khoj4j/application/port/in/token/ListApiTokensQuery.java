package io.khoj4j.application.port.in.token;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record ListApiTokensQuery(UserId owner) {

  public ListApiTokensQuery {
    Objects.requireNonNull(owner, "owner");
  }
}
