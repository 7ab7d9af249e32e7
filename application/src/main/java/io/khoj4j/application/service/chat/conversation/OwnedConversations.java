package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.PublicConversation;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the conversation use cases share: a conversation the user owns (another user's is {@code NotFound}, never
 * visible), a new one stored at once, a published snapshot by its slug.
 */
final class OwnedConversations {

  static final String DEFAULT_AGENT = "khoj";

  private final ConversationRepository conversations;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;

  OwnedConversations(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    this.conversations = conversations;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
  }

  Conversation owned(UserId user, UUID id) {
    return conversations
        .find(user, id)
        .orElseThrow(() -> new NotFoundException("Conversation: " + id + " not found"));
  }

  Conversation fresh(UserId user, String title) {
    return fresh(user, title, DEFAULT_AGENT);
  }

  /** A new conversation of {@code user}'s with the agent of slug {@code agent}, stored at once. */
  Conversation fresh(UserId user, String title, String agent) {
    Instant now = clock.instant();
    Conversation c = new Conversation(ids.newId(), user, title, null, agent, List.of(), now, now);
    unitOfWork.run(() -> conversations.createIfAbsent(c));
    return c;
  }

  PublicConversation published(String slug) {
    return conversations
        .findPublic(slug)
        .orElseThrow(() -> new NotFoundException("Conversation: " + slug + " not found"));
  }
}
