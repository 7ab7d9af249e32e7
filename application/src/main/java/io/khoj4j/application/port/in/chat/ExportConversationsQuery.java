package io.khoj4j.application.port.in.chat;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.user.UserId;

/** A page of the user's conversations with their messages. */
public record ExportConversationsQuery(UserId user, int offset, int limit) {
  public ExportConversationsQuery {
    if (offset < 0) {
      throw new InvalidInputException("offset must be 0 or more");
    }
    if (limit < 1 || limit > 100) {
      throw new InvalidInputException("limit must be between 1 and 100");
    }
  }
}
