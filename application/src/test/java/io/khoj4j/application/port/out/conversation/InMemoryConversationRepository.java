package io.khoj4j.application.port.out.conversation;

import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.PublicConversation;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of {@link ConversationRepository}; passes {@link ConversationRepositoryContract}. */
public final class InMemoryConversationRepository implements ConversationRepository {

  private final Map<UUID, Conversation> conversations = new ConcurrentHashMap<>();
  private final Map<UUID, List<ChatMessage>> messages = new ConcurrentHashMap<>();
  private final Map<String, PublicConversation> published = new ConcurrentHashMap<>();

  private Optional<Conversation> owned(UserId owner, UUID id) {
    return Optional.ofNullable(conversations.get(id)).filter(c -> c.owner().equals(owner));
  }

  @Override
  public void createIfAbsent(Conversation conversation) {
    conversations.putIfAbsent(conversation.id(), conversation);
    messages.putIfAbsent(conversation.id(), new ArrayList<>());
  }

  @Override
  public Optional<Conversation> find(UserId owner, UUID id) {
    return owned(owner, id);
  }

  @Override
  public Optional<Conversation> findByTitle(UserId owner, String title) {
    return list(owner, 0).stream().filter(c -> title.equals(c.title())).findFirst();
  }

  @Override
  public Optional<Conversation> latest(UserId owner) {
    return list(owner, 1).stream().findFirst();
  }

  @Override
  public List<Conversation> list(UserId owner, int limit) {
    return conversations.values().stream()
        .filter(c -> c.owner().equals(owner))
        .sorted(Comparator.comparing(Conversation::updatedAt)
            .reversed()
            .thenComparing(Conversation::id))
        .limit(limit == 0 ? Long.MAX_VALUE : limit)
        .toList();
  }

  @Override
  public List<Conversation> page(UserId owner, int offset, int limit) {
    return conversations.values().stream()
        .filter(c -> c.owner().equals(owner))
        .sorted(Comparator.comparing(Conversation::createdAt)
            .reversed()
            .thenComparing(Conversation::id))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long count(UserId owner) {
    return conversations.values().stream().filter(c -> c.owner().equals(owner)).count();
  }

  @Override
  public synchronized boolean appendMessages(
      UserId owner, UUID conversationId, List<ChatMessage> added, String slug, Instant at) {
    Optional<Conversation> found = owned(owner, conversationId);
    if (found.isEmpty()) {
      return false;
    }
    Conversation c = found.get();
    messages.get(conversationId).addAll(added);
    conversations.put(
        conversationId,
        new Conversation(
            c.id(), c.owner(), c.title(), slug, c.agentSlug(), c.fileFilters(), c.createdAt(), at));
    return true;
  }

  @Override
  public synchronized OptionalInt lockForAppend(UserId owner, UUID conversationId) {
    return owned(owner, conversationId)
        .map(c -> OptionalInt.of(messages.get(conversationId).size()))
        .orElse(OptionalInt.empty());
  }

  @Override
  public List<ChatMessage> messages(UserId owner, UUID conversationId) {
    return owned(owner, conversationId)
        .map(c -> List.copyOf(messages.get(conversationId)))
        .orElse(List.of());
  }

  @Override
  public int deleteTurn(UserId owner, UUID conversationId, String turnId) {
    if (owned(owner, conversationId).isEmpty()) {
      return 0;
    }
    List<ChatMessage> list = messages.get(conversationId);
    int before = list.size();
    list.removeIf(m -> turnId.equals(m.turnId()));
    return before - list.size();
  }

  @Override
  public boolean deleteInterruptedAnswer(UserId owner, UUID conversationId, String turnId) {
    if (owned(owner, conversationId).isEmpty()) {
      return false;
    }
    return messages.get(conversationId).removeIf(m -> turnId.equals(m.turnId()) && m.interrupted());
  }

  @Override
  public boolean delete(UserId owner, UUID conversationId) {
    if (owned(owner, conversationId).isEmpty()) {
      return false;
    }
    messages.remove(conversationId);
    return conversations.remove(conversationId) != null;
  }

  @Override
  public int deleteAll(UserId owner) {
    List<UUID> ids = list(owner, 0).stream().map(Conversation::id).toList();
    ids.forEach(id -> delete(owner, id));
    return ids.size();
  }

  private void update(
      UserId owner, UUID id, java.util.function.UnaryOperator<Conversation> change) {
    owned(owner, id).ifPresent(c -> conversations.put(id, change.apply(c)));
  }

  @Override
  public void setTitle(UserId owner, UUID id, String title) {
    update(
        owner,
        id,
        c -> new Conversation(
            c.id(),
            c.owner(),
            title,
            c.slug(),
            c.agentSlug(),
            c.fileFilters(),
            c.createdAt(),
            c.updatedAt()));
  }

  @Override
  public void setSlug(UserId owner, UUID id, String slug) {
    update(
        owner,
        id,
        c -> new Conversation(
            c.id(),
            c.owner(),
            c.title(),
            slug,
            c.agentSlug(),
            c.fileFilters(),
            c.createdAt(),
            c.updatedAt()));
  }

  @Override
  public void setFileFilters(UserId owner, UUID id, List<String> files) {
    update(
        owner,
        id,
        c -> new Conversation(
            c.id(),
            c.owner(),
            c.title(),
            c.slug(),
            c.agentSlug(),
            files,
            c.createdAt(),
            c.updatedAt()));
  }

  @Override
  public void setAgentSlug(UserId owner, UUID id, String agentSlug) {
    update(
        owner,
        id,
        c -> new Conversation(
            c.id(),
            c.owner(),
            c.title(),
            c.slug(),
            agentSlug,
            c.fileFilters(),
            c.createdAt(),
            c.updatedAt()));
  }

  @Override
  public void savePublic(PublicConversation conversation) {
    published.put(conversation.slug(), conversation);
  }

  @Override
  public Optional<PublicConversation> findPublic(String slug) {
    return Optional.ofNullable(published.get(slug));
  }

  @Override
  public boolean deletePublic(UserId owner, String slug) {
    PublicConversation p = published.get(slug);
    if (p == null || !p.sourceOwner().equals(owner)) {
      return false;
    }
    return published.remove(slug) != null;
  }
}
