package io.khoj4j.application.port.out.chat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Marks in a map; hand the same instance to several services to stand for replicas sharing a database. */
public final class InMemoryStoppingTurns implements StoppingTurns {

  private record Mark(UUID conversationId, Instant expiresAt) {}

  private final Map<UUID, Mark> byTurn = new ConcurrentHashMap<>();

  @Override
  public void mark(UUID conversationId, UUID turnId, Instant expiresAt) {
    byTurn.put(turnId, new Mark(conversationId, expiresAt));
  }

  @Override
  public void unmark(UUID turnId) {
    byTurn.remove(turnId);
  }

  @Override
  public boolean anyIn(UUID conversationId, Instant now) {
    return byTurn.values().stream()
        .anyMatch(
            m -> m.conversationId().equals(conversationId) && m.expiresAt().isAfter(now));
  }

  /** How many turns are marked, expired or not. */
  public int size() {
    return byTurn.size();
  }
}
