package io.khoj4j.application.port.in.chat;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.UUID;

/** The user's own title for a conversation, at most 200 characters. */
public record RenameConversationCommand(UserId user, UUID id, String title) {
  public RenameConversationCommand {
    Objects.requireNonNull(title, "title");
    title = title.strip();
    if (title.isEmpty()) {
      throw new InvalidInputException("title must not be empty");
    }
    if (title.length() > 200) {
      title = title.substring(0, 200);
    }
  }
}
