package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * The agents to show a caller; an empty viewer is an anonymous caller. {@code shared}: every administrators' agent,
 * hidden and private ones too, for the administrators' own list.
 */
public record ListAgentsQuery(Optional<UserId> viewer, boolean shared) {

  public ListAgentsQuery {
    Objects.requireNonNull(viewer, "viewer");
  }

  public ListAgentsQuery(Optional<UserId> viewer) {
    this(viewer, false);
  }
}
