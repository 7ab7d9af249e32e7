package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** The agents to show a caller; an empty viewer is an anonymous caller. */
public record ListAgentsQuery(Optional<UserId> viewer) {

  public ListAgentsQuery {
    Objects.requireNonNull(viewer, "viewer");
  }
}
