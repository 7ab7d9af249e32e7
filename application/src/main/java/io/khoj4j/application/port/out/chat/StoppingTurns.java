package io.khoj4j.application.port.out.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * Chat turns being stopped, as every replica sees them. A turn whose client went away is marked until it has stored
 * what it gathered, so that a new message in its conversation waits for it on whichever replica it lands (ADR 37).
 * A mark carries its own end, so a replica that dies while stopping a turn holds no one up for longer than that.
 */
public interface StoppingTurns {

  /** Marks the turn of the conversation as being stopped until {@code expiresAt}; marking it again moves the end. */
  void mark(UUID conversationId, UUID turnId, Instant expiresAt);

  /** The turn has ended: its mark, if it has one, is removed. */
  void unmark(UUID turnId);

  /** Whether a turn of the conversation is marked and its mark has not expired at {@code now}. */
  boolean anyIn(UUID conversationId, Instant now);

  /** A single process: its own turns are all it waits for, and it knows them without marks. */
  StoppingTurns NONE = new StoppingTurns() {
    @Override
    public void mark(UUID conversationId, UUID turnId, Instant expiresAt) {}

    @Override
    public void unmark(UUID turnId) {}

    @Override
    public boolean anyIn(UUID conversationId, Instant now) {
      return false;
    }
  };
}
