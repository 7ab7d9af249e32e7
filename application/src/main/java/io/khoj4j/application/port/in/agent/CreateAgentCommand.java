package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/**
 * A new agent. {@code shared}: an administrator creates an administrators' agent (no creator; listed to everyone when
 * public), whose knowledge files are the administrator's.
 */
public record CreateAgentCommand(UserId creator, AgentSettings settings, boolean shared) {

  public CreateAgentCommand {
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(settings, "settings");
  }

  /** The caller's own agent. */
  public CreateAgentCommand(UserId creator, AgentSettings settings) {
    this(creator, settings, false);
  }
}
