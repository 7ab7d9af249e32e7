package io.khoj4j.application.port.out.conversation;

import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.PublicConversation;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Conversations and their messages, one row per message. Every method is scoped by the owner; another user's
 * conversation is simply not found. Writes run inside a {@code UnitOfWork}.
 */
public interface ConversationRepository {

  /** Inserts the conversation if it does not exist yet (a new conversation is stored with its first turn). */
  void createIfAbsent(Conversation conversation);

  Optional<Conversation> find(UserId owner, UUID id);

  Optional<Conversation> findByTitle(UserId owner, String title);

  Optional<Conversation> latest(UserId owner);

  /** Most recently updated first; {@code limit} 0 = all. */
  List<Conversation> list(UserId owner, int limit);

  /** Newest created first (ties by id), for export. */
  List<Conversation> page(UserId owner, int offset, int limit);

  long count(UserId owner);

  /**
   * Appends messages after the existing ones and sets the slug and update time, atomically; false, and nothing stored,
   * when the owner has no such conversation (deleted meanwhile).
   */
  boolean appendMessages(
      UserId owner, UUID conversationId, List<ChatMessage> messages, String slug, Instant at);

  /**
   * Takes the lock that appending takes, until the transaction ends, and counts the conversation's messages; empty
   * when the owner has no such conversation. A turn that must land right after the messages it read checks their count
   * under this lock, so no other turn can append in between.
   */
  OptionalInt lockForAppend(UserId owner, UUID conversationId);

  List<ChatMessage> messages(UserId owner, UUID conversationId);

  /** Deletes every message of the turn; returns how many. */
  int deleteTurn(UserId owner, UUID conversationId, String turnId);

  /**
   * Deletes the turn's answer if it is an interrupted one (no text; the question stays), when a later turn has carried
   * on from it; returns whether one was deleted.
   */
  boolean deleteInterruptedAnswer(UserId owner, UUID conversationId, String turnId);

  boolean delete(UserId owner, UUID conversationId);

  int deleteAll(UserId owner);

  void setTitle(UserId owner, UUID conversationId, String title);

  void setSlug(UserId owner, UUID conversationId, String slug);

  void setFileFilters(UserId owner, UUID conversationId, List<String> files);

  /** Gives the owner's conversation another agent (a hidden agent made for it). */
  void setAgentSlug(UserId owner, UUID conversationId, String agentSlug);

  // ------------------------------------------------------------------ public copies (sharing)

  void savePublic(PublicConversation conversation);

  Optional<PublicConversation> findPublic(String slug);

  boolean deletePublic(UserId owner, String slug);
}
