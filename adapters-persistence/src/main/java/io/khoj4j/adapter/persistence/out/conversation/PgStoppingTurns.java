package io.khoj4j.adapter.persistence.out.conversation;

import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.application.port.out.chat.StoppingTurns;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Table {@code stopping_turns}: every replica's stopped turns, each a row from the moment its replica sees the client
 * gone until the turn ends. Each call is a statement of its own, outside any transaction: a turn is never inside one
 * while it waits or is stopped.
 */
@ApplicationScoped
public class PgStoppingTurns implements StoppingTurns {

  private final Jdbc jdbc;

  public PgStoppingTurns(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource, "chat turn storage");
  }

  @Override
  public void mark(UUID conversationId, UUID turnId, Instant expiresAt) {
    // a mark outlives its turn only when its replica stopped meanwhile: swept as others come
    jdbc.update(
        "delete from stopping_turns where expires_at < ?", expiresAt.minus(Duration.ofMinutes(1)));
    jdbc.update(
        "insert into stopping_turns (turn_id, conversation_id, expires_at) values (?, ?, ?)"
            + " on conflict (turn_id) do update set expires_at = excluded.expires_at",
        turnId,
        conversationId,
        expiresAt);
  }

  @Override
  public void unmark(UUID turnId) {
    jdbc.update("delete from stopping_turns where turn_id = ?", turnId);
  }

  @Override
  public boolean anyIn(UUID conversationId, Instant now) {
    return jdbc.first(
            "select 1 from stopping_turns where conversation_id = ? and expires_at > ? limit 1",
            rs -> true,
            conversationId,
            now)
        .isPresent();
  }
}
