package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Changes the user's hidden agent with this slug. */
public record UpdateHiddenAgentCommand(UserId user, AgentSlug slug, HiddenAgentSettings settings) {

  public UpdateHiddenAgentCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(settings, "settings");
  }
}
