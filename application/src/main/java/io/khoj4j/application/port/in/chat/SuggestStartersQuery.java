package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Conversation starters for one user. */
public record SuggestStartersQuery(UserId userId) {

  public SuggestStartersQuery {
    Objects.requireNonNull(userId, "userId");
  }
}
