package io.khoj4j.adapter.persistence.out.conversation;

import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.PublicConversation;
import io.khoj4j.domain.chat.Speaker;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;

/** Conversations in PostgreSQL: one row per message, details as JSONB. */
@ApplicationScoped
public class PgConversationRepository implements ConversationRepository {

  private final Jdbc jdbc;

  public PgConversationRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource, "conversation storage");
  }

  private static Conversation conversation(ResultSet rs) throws SQLException {
    return new Conversation(
        rs.getObject("id", UUID.class),
        new UserId(rs.getObject("user_id", UUID.class)),
        rs.getString("title"),
        rs.getString("slug"),
        rs.getString("agent_slug"),
        MessageJson.stringsFrom(rs.getString("file_filters")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  @Override
  @Transactional
  public void createIfAbsent(Conversation c) {
    jdbc.update(
        "insert into conversations (id, user_id, title, slug, agent_slug, file_filters, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing",
        c.id(),
        c.owner().value(),
        c.title(),
        c.slug(),
        c.agentSlug(),
        new Jdbc.Jsonb(MessageJson.strings(c.fileFilters())),
        c.createdAt(),
        c.updatedAt());
  }

  @Override
  public Optional<Conversation> find(UserId owner, UUID id) {
    return jdbc
        .list(
            "select * from conversations where user_id = ? and id = ?",
            PgConversationRepository::conversation,
            owner.value(),
            id)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Conversation> findByTitle(UserId owner, String title) {
    return jdbc
        .list(
            "select * from conversations where user_id = ? and title = ? order by updated_at desc limit 1",
            PgConversationRepository::conversation,
            owner.value(),
            title)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Conversation> latest(UserId owner) {
    return list(owner, 1).stream().findFirst();
  }

  @Override
  public List<Conversation> list(UserId owner, int limit) {
    return jdbc.list(
        "select * from conversations where user_id = ? order by updated_at desc, id limit ?",
        PgConversationRepository::conversation,
        owner.value(),
        limit == 0 ? Integer.MAX_VALUE : limit);
  }

  @Override
  public List<Conversation> page(UserId owner, int offset, int limit) {
    return jdbc.list(
        "select * from conversations where user_id = ? order by created_at desc, id offset ? limit ?",
        PgConversationRepository::conversation,
        owner.value(),
        offset,
        limit);
  }

  @Override
  public long count(UserId owner) {
    return jdbc.list(
            "select count(*) from conversations where user_id = ?",
            rs -> rs.getLong(1),
            owner.value())
        .getFirst();
  }

  @Override
  @Transactional
  public boolean appendMessages(
      UserId owner, UUID conversationId, List<ChatMessage> messages, String slug, Instant at) {
    // the conversation's row lock serialises concurrent turns, so each takes the next free
    // positions
    List<Integer> owned = jdbc.list(
        "select 1 from conversations where user_id = ? and id = ? for update",
        rs -> rs.getInt(1),
        owner.value(),
        conversationId);
    if (owned.isEmpty()) {
      return false;
    }
    int position = jdbc.list(
            "select coalesce(max(position), -1) + 1 from chat_messages where conversation_id = ?",
            rs -> rs.getInt(1),
            conversationId)
        .getFirst();
    for (ChatMessage m : messages) {
      jdbc.update(
          "insert into chat_messages (conversation_id, position, turn_id, speaker, message, created_at, details)"
              + " values (?, ?, ?, ?, ?, ?, ?)",
          conversationId,
          position++,
          m.turnId(),
          m.by().wireName(),
          m.message().replace("\u0000", ""),
          m.created(),
          new Jdbc.Jsonb(MessageJson.details(m)));
    }
    jdbc.update(
        "update conversations set slug = ?, updated_at = ? where user_id = ? and id = ?",
        slug,
        at,
        owner.value(),
        conversationId);
    return true;
  }

  @Override
  public OptionalInt lockForAppend(UserId owner, UUID conversationId) {
    List<Integer> counted = jdbc.list(
        "select (select count(*) from chat_messages m where m.conversation_id = c.id)::int"
            + " from conversations c where c.user_id = ? and c.id = ? for update of c",
        rs -> rs.getInt(1),
        owner.value(),
        conversationId);
    return counted.isEmpty() ? OptionalInt.empty() : OptionalInt.of(counted.getFirst());
  }

  @Override
  public List<ChatMessage> messages(UserId owner, UUID conversationId) {
    return jdbc.list(
        "select m.* from chat_messages m join conversations c on c.id = m.conversation_id"
            + " where c.user_id = ? and c.id = ? order by m.position",
        rs -> MessageJson.message(
            Speaker.fromWire(rs.getString("speaker")),
            rs.getString("message"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("turn_id"),
            rs.getString("details")),
        owner.value(),
        conversationId);
  }

  @Override
  @Transactional
  public int deleteTurn(UserId owner, UUID conversationId, String turnId) {
    return jdbc.update(
        "delete from chat_messages m using conversations c where c.id = m.conversation_id"
            + " and c.user_id = ? and c.id = ? and m.turn_id = ?",
        owner.value(),
        conversationId,
        turnId);
  }

  @Override
  @Transactional
  public boolean deleteInterruptedAnswer(UserId owner, UUID conversationId, String turnId) {
    return jdbc.update(
            "delete from chat_messages m using conversations c where c.id = m.conversation_id"
                + " and c.user_id = ? and c.id = ? and m.turn_id = ? and m.speaker = ?"
                + " and m.message = ''",
            owner.value(),
            conversationId,
            turnId,
            Speaker.KHOJ.wireName())
        > 0;
  }

  @Override
  @Transactional
  public boolean delete(UserId owner, UUID conversationId) {
    return jdbc.update(
            "delete from conversations where user_id = ? and id = ?", owner.value(), conversationId)
        > 0;
  }

  @Override
  @Transactional
  public int deleteAll(UserId owner) {
    return jdbc.update("delete from conversations where user_id = ?", owner.value());
  }

  @Override
  @Transactional
  public void setTitle(UserId owner, UUID conversationId, String title) {
    jdbc.update(
        "update conversations set title = ? where user_id = ? and id = ?",
        title,
        owner.value(),
        conversationId);
  }

  @Override
  @Transactional
  public void setSlug(UserId owner, UUID conversationId, String slug) {
    jdbc.update(
        "update conversations set slug = ? where user_id = ? and id = ?",
        slug,
        owner.value(),
        conversationId);
  }

  @Override
  @Transactional
  public void setFileFilters(UserId owner, UUID conversationId, List<String> files) {
    jdbc.update(
        "update conversations set file_filters = ? where user_id = ? and id = ?",
        new Jdbc.Jsonb(MessageJson.strings(files)),
        owner.value(),
        conversationId);
  }

  @Override
  @Transactional
  public void setAgentSlug(UserId owner, UUID conversationId, String agentSlug) {
    jdbc.update(
        "update conversations set agent_slug = ? where user_id = ? and id = ?",
        agentSlug,
        owner.value(),
        conversationId);
  }

  @Override
  @Transactional
  public void savePublic(PublicConversation p) {
    jdbc.update(
        "insert into public_conversations (slug, user_id, title, agent_slug, messages, created_at)"
            + " values (?, ?, ?, ?, ?, ?)",
        p.slug(),
        p.sourceOwner().value(),
        p.title(),
        p.agentSlug(),
        new Jdbc.Jsonb(MessageJson.messages(p.messages())),
        p.createdAt());
  }

  @Override
  public Optional<PublicConversation> findPublic(String slug) {
    return jdbc
        .list(
            "select * from public_conversations where slug = ?",
            rs -> new PublicConversation(
                rs.getString("slug"),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getString("title"),
                rs.getString("agent_slug"),
                MessageJson.messagesFrom(rs.getString("messages")),
                rs.getTimestamp("created_at").toInstant()),
            slug)
        .stream()
        .findFirst();
  }

  @Override
  @Transactional
  public boolean deletePublic(UserId owner, String slug) {
    return jdbc.update(
            "delete from public_conversations where user_id = ? and slug = ?", owner.value(), slug)
        > 0;
  }
}
