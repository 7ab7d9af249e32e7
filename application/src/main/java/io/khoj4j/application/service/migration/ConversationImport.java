package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.PublicConversation;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations keep Khoj's ids (clients and bookmarks name them), their titles, agents and file filters, and every
 * message; shared links keep their slugs.
 */
final class ConversationImport {

  private final ConversationRepository conversations;
  private final Clock clock;

  ConversationImport(ConversationRepository conversations, Clock clock) {
    this.conversations = conversations;
    this.clock = clock;
  }

  void run(KhojSource source, ImportRun run) {
    run.each(
        "conversations",
        source::conversations,
        KhojSource.Conversation::key,
        c -> run.once(
            "conversations", "database_conversation", c.key(), () -> importConversation(c, run)));
    run.each(
        "shared conversations",
        source::publicConversations,
        KhojSource.PublicConversation::key,
        p -> run.once(
            "shared conversations",
            "database_publicconversation",
            p.key(),
            () -> importPublic(p, run)));
  }

  private Optional<String> importConversation(KhojSource.Conversation c, ImportRun run) {
    Optional<UserId> owner = run.user(c.userKey());
    if (owner.isEmpty()) {
      run.skip("conversations", c.key(), "its owner was not imported");
      return Optional.empty();
    }
    if (c.unreadable().isPresent()) {
      run.skip(
          "conversations",
          c.key(),
          "its messages cannot be read: " + c.unreadable().get());
      return Optional.empty();
    }
    UUID id = UUID.fromString(c.key());
    if (conversations.find(owner.get(), id).isPresent()) {
      return Optional.of(id.toString());
    }
    Instant created = c.createdAt() == null ? Instant.now(clock) : c.createdAt();
    Instant updated = c.updatedAt() == null ? created : c.updatedAt();
    String slug = clip(c.slug(), Conversation.MAX_SLUG);
    conversations.createIfAbsent(new Conversation(
        id,
        owner.get(),
        clip(c.title(), Conversation.MAX_TITLE),
        slug,
        agentSlug(c.agentKey(), run),
        c.fileFilters(),
        created,
        updated));
    List<ChatMessage> messages = c.messages();
    if (!messages.isEmpty()) {
      conversations.appendMessages(owner.get(), id, messages, slug, updated);
    }
    return Optional.of(id.toString());
  }

  private Optional<String> importPublic(KhojSource.PublicConversation p, ImportRun run) {
    Optional<UserId> owner = run.user(p.userKey());
    if (owner.isEmpty() || p.slug() == null || p.slug().isBlank()) {
      run.skip(
          "shared conversations",
          p.key(),
          owner.isEmpty() ? "its owner was not imported" : "it has no link");
      return Optional.empty();
    }
    if (p.unreadable().isPresent()) {
      run.skip(
          "shared conversations",
          p.slug(),
          "its messages cannot be read: " + p.unreadable().get());
      return Optional.empty();
    }
    if (conversations.findPublic(p.slug()).isPresent()) {
      run.skip(
          "shared conversations", p.slug(), "a shared conversation here already has this link");
      return Optional.empty();
    }
    Instant created = p.createdAt() == null ? Instant.now(clock) : p.createdAt();
    conversations.savePublic(new PublicConversation(
        p.slug(), owner.get(), p.title(), agentSlug(p.agentKey(), run), p.messages(), created));
    return Optional.of(p.slug());
  }

  /** The slug of the imported agent (what the agents' mapping holds); null (the default agent) when the agent was not imported. */
  private String agentSlug(Optional<String> agentKey, ImportRun run) {
    return agentKey.flatMap(key -> run.localId(AgentImport.AGENTS, key)).orElse(null);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
