package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record CreateAgentCommand(UserId creator, AgentSettings settings) {

  public CreateAgentCommand {
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(settings, "settings");
  }
}
