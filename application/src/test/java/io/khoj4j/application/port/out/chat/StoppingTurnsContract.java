package io.khoj4j.application.port.out.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link StoppingTurns} must do. Two instances of one store stand for two replicas. */
public abstract class StoppingTurnsContract {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant LATER = NOW.plus(Duration.ofSeconds(10));

  /** A store; every call returns a view of the same marks, as each replica has its own. */
  protected abstract StoppingTurns replica();

  private final UUID conversation = UUID.randomUUID();
  private final UUID turn = UUID.randomUUID();

  @Test
  void aMarkedTurnIsSeenInItsConversationByEveryReplica() {
    StoppingTurns a = replica();
    StoppingTurns b = replica();

    a.mark(conversation, turn, LATER);

    assertThat(b.anyIn(conversation, NOW)).isTrue();
    assertThat(a.anyIn(conversation, NOW)).isTrue();
    assertThat(b.anyIn(UUID.randomUUID(), NOW)).as("another conversation").isFalse();
  }

  @Test
  void nothingIsMarkedAtFirst() {
    assertThat(replica().anyIn(conversation, NOW)).isFalse();
  }

  @Test
  void anEndedTurnIsNoLongerSeen() {
    StoppingTurns a = replica();
    a.mark(conversation, turn, LATER);

    a.unmark(turn);

    assertThat(replica().anyIn(conversation, NOW)).isFalse();
  }

  @Test
  void aMarkIsNotSeenOnceItExpires() {
    replica().mark(conversation, turn, LATER);

    assertThat(replica().anyIn(conversation, LATER.minusMillis(1))).isTrue();
    assertThat(replica().anyIn(conversation, LATER)).isFalse();
    assertThat(replica().anyIn(conversation, LATER.plusSeconds(60))).isFalse();
  }

  @Test
  void markingATurnAgainMovesItsEnd() {
    StoppingTurns a = replica();
    a.mark(conversation, turn, LATER);

    a.mark(conversation, turn, LATER.plusSeconds(5));

    assertThat(a.anyIn(conversation, LATER.plusSeconds(4))).isTrue();
    a.unmark(turn);
    assertThat(a.anyIn(conversation, NOW)).as("one turn, one mark").isFalse();
  }

  @Test
  void eachTurnOfAConversationHasItsOwnMark() {
    UUID other = UUID.randomUUID();
    StoppingTurns a = replica();
    a.mark(conversation, turn, LATER);
    replica().mark(conversation, other, LATER);

    a.unmark(turn);

    assertThat(a.anyIn(conversation, NOW)).isTrue();
    a.unmark(other);
    assertThat(a.anyIn(conversation, NOW)).isFalse();
  }

  @Test
  void unmarkingATurnNeverMarkedChangesNothing() {
    StoppingTurns a = replica();
    a.mark(conversation, turn, LATER);

    a.unmark(UUID.randomUUID());

    assertThat(a.anyIn(conversation, NOW)).isTrue();
  }
}
