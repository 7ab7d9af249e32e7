package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Changes the editor's agent with this slug; the slug itself never changes. */
public record UpdateAgentCommand(UserId editor, AgentSlug slug, AgentSettings settings) {

  public UpdateAgentCommand {
    Objects.requireNonNull(editor, "editor");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(settings, "settings");
  }
}
