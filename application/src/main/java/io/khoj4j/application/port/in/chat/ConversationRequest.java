package io.khoj4j.application.port.in.chat;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Requests about a user's conversations (Khoj's /api/chat/* routes other than the chat itself). */
public sealed interface ConversationRequest {

  UserId user();

  /** The conversation with this id, else the latest (a new one when there is none). */
  record History(UserId user, Optional<UUID> id) implements ConversationRequest {}

  /** One conversation, or all of the user's when {@code id} is empty. */
  record Delete(UserId user, Optional<UUID> id) implements ConversationRequest {}

  record Sessions(UserId user, int limit) implements ConversationRequest {}

  /** A new conversation with an agent (only the built-in agent "khoj" exists for now). */
  record Create(UserId user, Optional<String> agentSlug) implements ConversationRequest {}

  record SetTitle(UserId user, UUID id, String title) implements ConversationRequest {
    public SetTitle {
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

  record GenerateTitle(UserId user, UUID id) implements ConversationRequest {}

  record DeleteTurn(UserId user, UUID id, String turnId) implements ConversationRequest {}

  /** Replace the conversation's file filters with {@code add} added and {@code remove} removed. */
  record FileFilters(UserId user, UUID id, List<String> add, List<String> remove) implements ConversationRequest {
    public FileFilters {
      add = add == null ? List.of() : List.copyOf(add);
      remove = remove == null ? List.of() : List.copyOf(remove);
    }
  }

  record Share(UserId user, UUID id) implements ConversationRequest {}

  record Unshare(UserId user, String slug) implements ConversationRequest {}

  record Fork(UserId user, String slug) implements ConversationRequest {}

  record Export(UserId user, int offset, int limit) implements ConversationRequest {
    public Export {
      if (offset < 0) {
        throw new InvalidInputException("offset must be 0 or more");
      }
      if (limit < 1 || limit > 100) {
        throw new InvalidInputException("limit must be between 1 and 100");
      }
    }
  }

  record Stats(UserId user) implements ConversationRequest {}
}
