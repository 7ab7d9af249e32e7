package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.in.chat.ChatEventSink;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The turns running in this process, by conversation. A client that stops a turn and asks again at once (Stop, then a
 * new message; or a new message that stops the running one) would otherwise race the stopped turn: the new turn could
 * read the conversation before the stopped one has stored what it gathered, and start over instead of carrying on.
 * So a turn whose conversation has a turn being stopped waits for it, a bounded time, and reads the conversation again.
 * Best effort by design: a turn on another replica is not seen, and a turn still running normally is not waited for
 * (two clients may ask in one conversation at once).
 */
final class RunningTurns {

  /** The longest a new turn waits for a stopped one (whose current tool may not stop at once). */
  static final Duration WAIT = Duration.ofSeconds(10);

  private record Running(ChatEventSink sink, CompletableFuture<Void> ended) {}

  /** A turn's place in the registry; closed when the turn ends, whatever way. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private final ConcurrentMap<UUID, Running> byConversation = new ConcurrentHashMap<>();

  /** Waits for a stopped turn of the conversation to end; true when one was waited for. */
  boolean awaitStopped(UUID conversationId) {
    Running earlier = byConversation.get(conversationId);
    if (earlier == null || !earlier.sink().cancelled()) {
      return false;
    }
    try {
      earlier.ended().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // it did not end in time: this turn goes on with what is stored
    }
    return true;
  }

  /** Marks a turn of the conversation as running until the registration is closed. */
  Registration start(UUID conversationId, ChatEventSink sink) {
    Running mine = new Running(sink, new CompletableFuture<>());
    byConversation.put(conversationId, mine);
    return () -> {
      byConversation.remove(conversationId, mine);
      mine.ended().complete(null);
    };
  }
}
