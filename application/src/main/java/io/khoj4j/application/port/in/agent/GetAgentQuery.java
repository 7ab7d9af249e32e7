package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** One agent by slug, if the viewer may read it; an empty viewer is an anonymous caller. */
public record GetAgentQuery(Optional<UserId> viewer, AgentSlug slug) {

  public GetAgentQuery {
    Objects.requireNonNull(viewer, "viewer");
    Objects.requireNonNull(slug, "slug");
  }
}
