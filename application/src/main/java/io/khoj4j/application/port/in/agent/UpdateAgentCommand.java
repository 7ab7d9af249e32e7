package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/**
 * Changes the editor's agent with this slug; the slug itself never changes. {@code shared}: an administrator changes
 * an administrators' agent instead.
 */
public record UpdateAgentCommand(
    UserId editor, AgentSlug slug, AgentSettings settings, boolean shared) {

  public UpdateAgentCommand {
    Objects.requireNonNull(editor, "editor");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(settings, "settings");
  }

  /** The editor's own agent. */
  public UpdateAgentCommand(UserId editor, AgentSlug slug, AgentSettings settings) {
    this(editor, slug, settings, false);
  }
}
