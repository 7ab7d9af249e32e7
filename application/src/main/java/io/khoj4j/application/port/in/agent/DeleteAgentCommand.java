package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Deletes the owner's agent; {@code shared}: an administrator deletes an administrators' agent instead. */
public record DeleteAgentCommand(UserId owner, AgentSlug slug, boolean shared) {

  public DeleteAgentCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(slug, "slug");
  }

  /** The owner's own agent. */
  public DeleteAgentCommand(UserId owner, AgentSlug slug) {
    this(owner, slug, false);
  }
}
