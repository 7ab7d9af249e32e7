package io.khoj4j.application.port.out.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.memory.Memory;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link MemoryRepository} must do: keep each owner's memories and switch apart, recall by closeness. */
public abstract class MemoryRepositoryContract {

  protected abstract MemoryRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract UserId newOwner();

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  private static float[] v(float... xs) {
    return xs;
  }

  private Memory insert(UserId owner, String raw, float[] vector, String model, Instant at) {
    return unitOfWork().inTransaction(() -> repository().insert(owner, raw, vector, model, at));
  }

  @Test
  void memoriesAreListedNewestFirstAndFoundOnlyByTheirOwner() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    Memory older = insert(alice, "The user likes tea.", v(1, 0, 0), "m", AT);
    Memory newer = insert(alice, "The user lives in Lisbon.", v(0, 1, 0), "m", AT.plusSeconds(60));
    Memory bobs = insert(bob, "Bob's fact.", v(1, 0, 0), "m", AT);

    assertThat(repository().list(alice)).containsExactly(newer, older);
    assertThat(repository().find(alice, older.id())).contains(older);
    assertThat(repository().find(alice, bobs.id())).isEmpty();
    assertThat(newer.id()).isNotEqualTo(older.id());
  }

  @Test
  void onlyTheOwnerDeletes() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    Memory m = insert(alice, "fact", v(1, 0, 0), "m", AT);

    assertThat(unitOfWork().inTransaction(() -> repository().delete(bob, m.id())))
        .isFalse();
    assertThat(repository().find(alice, m.id())).isPresent();
    assertThat(unitOfWork().inTransaction(() -> repository().delete(alice, m.id())))
        .isTrue();
    assertThat(repository().list(alice)).isEmpty();
  }

  @Test
  void recallIsClosestFirstWithinTheDistanceOfTheSameModelAndOwner() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    Memory close = insert(alice, "close", v(1, 0.1f, 0), "m", AT);
    Memory closer = insert(alice, "closer", v(1, 0, 0), "m", AT);
    insert(alice, "far", v(0, 0, 1), "m", AT);
    insert(alice, "other model", v(1, 0, 0), "old-model", AT);
    insert(bob, "bob's", v(1, 0, 0), "m", AT);

    assertThat(repository().nearest(alice, v(1, 0, 0), "m", 5, 0.5)).containsExactly(closer, close);
    assertThat(repository().nearest(alice, v(1, 0, 0), "m", 1, 0.5)).containsExactly(closer);
  }

  @Test
  void theSwitchIsPerOwner() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    assertThat(repository().switchOf(alice)).isEmpty();

    unitOfWork().run(() -> repository().setSwitch(alice, false, AT));
    unitOfWork().run(() -> repository().setSwitch(bob, true, AT));
    unitOfWork().run(() -> repository().setSwitch(alice, true, AT.plusSeconds(1)));

    assertThat(repository().switchOf(alice)).contains(true);
    assertThat(repository().switchOf(bob)).contains(true);
  }
}
