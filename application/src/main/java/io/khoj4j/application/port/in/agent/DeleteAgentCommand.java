package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record DeleteAgentCommand(UserId owner, AgentSlug slug) {

  public DeleteAgentCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(slug, "slug");
  }
}
