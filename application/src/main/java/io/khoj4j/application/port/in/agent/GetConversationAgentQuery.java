package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.UUID;

/** The agent of one of the user's conversations. */
public record GetConversationAgentQuery(UserId user, UUID conversationId) {

  public GetConversationAgentQuery {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(conversationId, "conversation id");
  }
}
