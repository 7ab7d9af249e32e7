package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.out.chat.StoppingTurns;
import io.khoj4j.application.port.out.shared.IdGenerator;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The turns running in this process, by conversation. A client that stops a turn and asks again at once (Stop, then a
 * new message; or a new message that stops the running one) would otherwise race the stopped turn: the new turn could
 * read the conversation before the stopped one has stored what it gathered, and start over instead of carrying on.
 * So a turn whose conversation has a turn being stopped waits for it, a bounded time, and reads the conversation again.
 *
 * <p>Other replicas see this process's stopping turns through {@link StoppingTurns}: while turns run, a watcher looks
 * at their clients every {@link #WATCH_EVERY} and marks a turn whose client went away, until it ends; a new turn finds
 * a mark of any replica and waits for it to go, polling. A turn still running normally is not waited for (two
 * clients may ask in one conversation at once). Best effort by design: a new message that reaches another replica
 * before the stopped turn's replica has seen its client go (at most {@link #WATCH_EVERY} after) does not wait.
 */
final class RunningTurns {

  private static final System.Logger LOG = System.getLogger(RunningTurns.class.getName());

  /** The longest a new turn waits for a stopped one (whose current tool may not stop at once). */
  static final Duration WAIT = Duration.ofSeconds(10);

  /** How often the clients of running turns are looked at, when other replicas are to see the stopped ones. */
  static final Duration WATCH_EVERY = Duration.ofMillis(20);

  /** How often a turn waiting for another replica's stopped turn asks whether it has ended. */
  static final Duration POLL_EVERY = Duration.ofMillis(50);

  /** A running turn; its mark (for other replicas) is set and cleared under its own lock. */
  private static final class Running {
    final UUID key;
    final UUID conversationId;
    final ChatEventSink sink;
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    boolean tried; // guarded by this: marking was tried (once is enough)
    boolean marked; // guarded by this
    boolean closed; // guarded by this

    Running(UUID key, UUID conversationId, ChatEventSink sink) {
      this.key = key;
      this.conversationId = conversationId;
      this.sink = sink;
    }
  }

  /** A turn's place in the registry; closed when the turn ends, whatever way. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** The latest turn of each conversation, which a new turn there waits for when it is stopped. */
  private final ConcurrentMap<UUID, Running> byConversation = new ConcurrentHashMap<>();
  /** Every running turn, which the watcher looks at (two may run in one conversation). */
  private final Set<Running> all = ConcurrentHashMap.newKeySet();

  private final StoppingTurns marks;
  private final Clock clock;
  private final IdGenerator ids;
  /** Runs the watcher while turns run; none when no other replica is to see them. */
  private final ScheduledThreadPoolExecutor watcher;

  private ScheduledFuture<?> watching; // guarded by this

  /**
   * @param marks how other replicas see this process's stopped turns ({@link StoppingTurns#NONE}: no other replica)
   */
  RunningTurns(StoppingTurns marks, Clock clock, IdGenerator ids) {
    this.marks = marks;
    this.clock = clock;
    this.ids = ids;
    if (marks == StoppingTurns.NONE) {
      this.watcher = null;
    } else {
      this.watcher = new ScheduledThreadPoolExecutor(1, task -> {
        Thread t = new Thread(task, "chat-turn-watcher");
        t.setDaemon(true);
        return t;
      });
      this.watcher.setKeepAliveTime(10, TimeUnit.SECONDS);
      this.watcher.allowCoreThreadTimeOut(true);
      this.watcher.setRemoveOnCancelPolicy(true);
    }
  }

  /**
   * Waits for a stopped turn of the conversation to end, this process's or (by its mark) another replica's; true when
   * one was waited for.
   */
  boolean awaitStopped(UUID conversationId) {
    Running earlier = byConversation.get(conversationId);
    if (earlier != null && earlier.sink.cancelled()) {
      try {
        earlier.ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // it did not end in time: this turn goes on with what is stored
      }
      return true;
    }
    return marks != StoppingTurns.NONE && awaitMarked(conversationId);
  }

  /** Waits, polling, until no turn of the conversation is marked as stopping or {@link #WAIT} has passed. */
  private boolean awaitMarked(UUID conversationId) {
    try {
      if (!marks.anyIn(conversationId, clock.instant())) {
        return false;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not read the turns being stopped; not waiting", e);
      return false;
    }
    try {
      // a bounded number of polls, about WAIT in all
      for (long polls = WAIT.dividedBy(POLL_EVERY);
          polls > 0 && marks.anyIn(conversationId, clock.instant());
          polls--) {
        Thread.sleep(POLL_EVERY.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not read the turns being stopped; waiting no longer", e);
    }
    return true;
  }

  /** Marks a turn of the conversation as running until the registration is closed. */
  Registration start(UUID conversationId, ChatEventSink sink) {
    Running mine = new Running(ids.newId(), conversationId, sink);
    byConversation.put(conversationId, mine);
    if (watcher != null) {
      all.add(mine);
      watch();
    }
    return () -> {
      byConversation.remove(conversationId, mine);
      all.remove(mine);
      boolean unmark;
      synchronized (mine) {
        mine.closed = true;
        unmark = mine.marked;
      }
      if (unmark) {
        try {
          marks.unmark(mine.key);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Could not clear the mark of a stopped turn; it expires", e);
        }
      }
      mine.ended.complete(null);
    };
  }

  private synchronized void watch() {
    if (watching == null) {
      long every = WATCH_EVERY.toMillis();
      watching =
          watcher.scheduleWithFixedDelay(this::markStopped, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** The watcher's round: marks the turns whose client went away; stops when no turn runs. */
  private void markStopped() {
    if (all.isEmpty()) {
      synchronized (this) {
        if (all.isEmpty() && watching != null) {
          watching.cancel(false);
          watching = null;
        }
      }
      return;
    }
    for (Running r : all) {
      try {
        if (r.sink.cancelled()) {
          mark(r);
        }
      } catch (RuntimeException e) {
        // a failing round would end the watcher's schedule: the next round tries again
        LOG.log(Level.WARNING, "Could not look at a running turn's client", e);
      }
    }
  }

  /** Marks a turn whose client went away, once, under its lock: a turn ending meanwhile leaves no mark behind. */
  private void mark(Running r) {
    synchronized (r) {
      if (r.tried || r.closed) {
        return;
      }
      r.tried = true;
      try {
        marks.mark(r.conversationId, r.key, clock.instant().plus(WAIT));
        r.marked = true;
      } catch (RuntimeException e) {
        // a turn asked here still waits for it; one asked on another replica does not
        LOG.log(Level.WARNING, "Could not mark a stopped turn for the other replicas", e);
      }
    }
  }
}
