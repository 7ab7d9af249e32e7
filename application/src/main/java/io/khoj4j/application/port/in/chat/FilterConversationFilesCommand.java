package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.UUID;

/** Replace the conversation's file filters with {@code add} added and {@code remove} removed. */
public record FilterConversationFilesCommand(
    UserId user, UUID id, List<String> add, List<String> remove) {
  public FilterConversationFilesCommand {
    add = add == null ? List.of() : List.copyOf(add);
    remove = remove == null ? List.of() : List.copyOf(remove);
  }
}
