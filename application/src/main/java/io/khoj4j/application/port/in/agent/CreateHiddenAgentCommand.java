package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.UUID;

/** A hidden agent of the user's, made for (and attached to) one of their conversations. */
public record CreateHiddenAgentCommand(
    UserId user, UUID conversationId, HiddenAgentSettings settings) {

  public CreateHiddenAgentCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(conversationId, "conversation id");
    Objects.requireNonNull(settings, "settings");
  }
}
