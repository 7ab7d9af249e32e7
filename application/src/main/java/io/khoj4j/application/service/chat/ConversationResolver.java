package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Step one of a turn: the conversation it belongs to — a new one when asked, the one named by id or title, else the
 * user's latest — and what was said in it. A new conversation is not stored here; the turn stores it with its first
 * messages. When the conversation's last answer is an interrupted one, the turn carries on from it: it is not part of
 * the history the model reads, and what it had gathered is handed to the turn.
 */
final class ConversationResolver {

  /**
   * The conversation, its messages so far (none for a new one) and, when its last turn was stopped before its answer,
   * that empty answer (not in {@code history}).
   */
  record Resolved(
      Conversation conversation,
      List<ChatMessage> history,
      Optional<ChatMessage> interrupted,
      boolean isNew) {

    /** A conversation the turn starts: stored with the turn. */
    static Resolved started(Conversation conversation) {
      return new Resolved(conversation, List.of(), Optional.empty(), true);
    }

    /** A stored conversation, its last message taken aside when it is an interrupted answer. */
    static Resolved of(Conversation conversation, List<ChatMessage> messages) {
      if (!messages.isEmpty() && messages.getLast().interrupted()) {
        return new Resolved(
            conversation,
            List.copyOf(messages.subList(0, messages.size() - 1)),
            Optional.of(messages.getLast()),
            false);
      }
      return new Resolved(conversation, messages, Optional.empty(), false);
    }

    /** How many messages the conversation held when the turn read it. */
    int messagesRead() {
      return history.size() + (interrupted.isPresent() ? 1 : 0);
    }
  }

  private final ConversationRepository conversations;
  private final IdGenerator ids;
  private final Clock clock;

  ConversationResolver(ConversationRepository conversations, IdGenerator ids, Clock clock) {
    this.conversations = conversations;
    this.ids = ids;
    this.clock = clock;
  }

  /** Empty when the request names a conversation id the user does not have. */
  Optional<Resolved> resolve(ChatCommand command) {
    UserId user = command.user();
    Optional<Conversation> existing;
    if (command.createNew()) {
      existing = Optional.empty();
    } else if (command.conversationId().isPresent()) {
      existing = conversations.find(user, command.conversationId().get());
      if (existing.isEmpty()) {
        return Optional.empty();
      }
    } else if (command.title().isPresent()) {
      existing = conversations.findByTitle(user, command.title().get());
    } else {
      existing = conversations.latest(user);
    }
    if (existing.isPresent()) {
      Conversation found = existing.get();
      return Optional.of(Resolved.of(found, conversations.messages(user, found.id())));
    }
    Instant now = clock.instant();
    return Optional.of(Resolved.started(new Conversation(
        ids.newId(), user, command.title().orElse(null), null, "khoj", List.of(), now, now)));
  }
}
