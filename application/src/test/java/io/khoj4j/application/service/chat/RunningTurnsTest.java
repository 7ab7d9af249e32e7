package io.khoj4j.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.out.chat.InMemoryStoppingTurns;
import io.khoj4j.application.port.out.chat.StoppingTurns;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.domain.chat.ChatEvent;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** How this process's turns are seen by the other replicas, and theirs by it (ADR 37, item 4). */
class RunningTurnsTest {

  private final MutableClock clock = MutableClock.at("2026-03-18T09:00:00Z");
  private final InMemoryStoppingTurns marks = new InMemoryStoppingTurns();
  private final RunningTurns turns = new RunningTurns(marks, clock, UUID::randomUUID);
  private final UUID conversation = UUID.randomUUID();

  /** A client that can go away. */
  private static final class Client implements ChatEventSink {
    volatile boolean gone;

    @Override
    public void emit(ChatEvent event) {}

    @Override
    public boolean cancelled() {
      return gone;
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean() && System.nanoTime() < until) {
      Thread.sleep(2);
    }
  }

  @Test
  void aStoppedTurnIsMarkedForTheOtherReplicasUntilItEnds() throws Exception {
    Client client = new Client();
    RunningTurns.Registration turn = turns.start(conversation, client);
    Thread.sleep(3 * RunningTurns.WATCH_EVERY.toMillis());
    assertThat(marks.anyIn(conversation, clock.instant()))
        .as("running, not stopped")
        .isFalse();

    client.gone = true;
    await(() -> marks.anyIn(conversation, clock.instant()));

    assertThat(marks.anyIn(conversation, clock.instant())).isTrue();
    assertThat(marks.anyIn(conversation, clock.instant().plus(RunningTurns.WAIT)))
        .as("a mark lasts at most as long as a turn waits")
        .isFalse();
    turn.close();
    assertThat(marks.size()).isZero();
  }

  @Test
  void aTurnThatEndsLeavesNoMarkBehindWhateverTheWatcherDid() throws Exception {
    for (int i = 0; i < 20; i++) {
      Client client = new Client();
      RunningTurns.Registration turn = turns.start(conversation, client);
      client.gone = true;
      Thread.sleep(i % 3 == 0 ? RunningTurns.WATCH_EVERY.toMillis() : 0);
      turn.close();
    }
    Thread.sleep(3 * RunningTurns.WATCH_EVERY.toMillis());

    assertThat(marks.size()).isZero();
  }

  @Test
  void everyTurnOfAConversationIsWatchedNotOnlyTheLatest() throws Exception {
    Client first = new Client();
    try (RunningTurns.Registration a = turns.start(conversation, first);
        RunningTurns.Registration b = turns.start(conversation, new Client())) {
      first.gone = true;
      await(() -> marks.anyIn(conversation, clock.instant()));

      assertThat(marks.anyIn(conversation, clock.instant())).isTrue();
    }
    assertThat(marks.size()).isZero();
  }

  @Test
  void aNewTurnWaitsForAnotherReplicasStoppedTurnToEnd() throws Exception {
    UUID elsewhere = UUID.randomUUID();
    marks.mark(conversation, elsewhere, clock.instant().plus(RunningTurns.WAIT));
    AtomicBoolean ended = new AtomicBoolean();
    CompletableFuture<Void> otherReplica = CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ended.set(true);
      marks.unmark(elsewhere);
    });

    boolean waited = turns.awaitStopped(conversation);

    assertThat(waited).isTrue();
    assertThat(ended).as("the wait lasted until the other turn ended").isTrue();
    otherReplica.get(5, TimeUnit.SECONDS);
    assertThat(turns.awaitStopped(conversation)).as("nothing left to wait for").isFalse();
  }

  @Test
  void anExpiredMarkHoldsNoOneUp() {
    marks.mark(conversation, UUID.randomUUID(), clock.instant().minusMillis(1));

    assertThat(turns.awaitStopped(conversation)).isFalse();
  }

  @Test
  void aStoreThatFailsNeitherStopsTheTurnNorHoldsUpTheNext() throws Exception {
    AtomicBoolean markTried = new AtomicBoolean();
    StoppingTurns failing = new StoppingTurns() {
      @Override
      public void mark(UUID conversationId, UUID turnId, Instant expiresAt) {
        markTried.set(true);
        throw new IllegalStateException("chat turn storage failed: connection refused");
      }

      @Override
      public void unmark(UUID turnId) {
        throw new IllegalStateException("chat turn storage failed: connection refused");
      }

      @Override
      public boolean anyIn(UUID conversationId, Instant now) {
        throw new IllegalStateException("chat turn storage failed: connection refused");
      }
    };
    RunningTurns withFailingStore = new RunningTurns(failing, clock, UUID::randomUUID);
    Client client = new Client();
    RunningTurns.Registration turn = withFailingStore.start(conversation, client);
    client.gone = true;
    await(markTried::get);

    assertThat(markTried).isTrue();
    turn.close();
    assertThat(withFailingStore.awaitStopped(conversation)).isFalse();
  }

  @Test
  void aSingleProcessWaitsForItsOwnStoppedTurnWithoutMarks() throws Exception {
    StoppingTurns none = StoppingTurns.NONE;
    RunningTurns alone = new RunningTurns(none, clock, UUID::randomUUID);
    Client client = new Client();
    CompletableFuture<Boolean> waited;
    try (RunningTurns.Registration turn = alone.start(conversation, client)) {
      client.gone = true;
      waited = CompletableFuture.supplyAsync(() -> alone.awaitStopped(conversation));
      Thread.sleep(100);
      assertThat(waited).as("it waits for its own stopped turn").isNotDone();
    }
    assertThat(waited.get(5, TimeUnit.SECONDS)).isTrue();
  }
}
