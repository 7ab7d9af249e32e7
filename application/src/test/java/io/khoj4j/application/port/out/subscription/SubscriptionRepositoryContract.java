package io.khoj4j.application.port.out.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.subscription.SubscriptionType;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SubscriptionRepository} must do. */
public abstract class SubscriptionRepositoryContract {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  protected abstract SubscriptionRepository repository();

  protected abstract UnitOfWork unitOfWork();

  /** A user that exists in the store. */
  protected abstract UserId newOwner();

  @Test
  void anAccountWithoutSubscriptionHasNone() {
    assertThat(repository().find(newOwner())).isEmpty();
  }

  @Test
  void savedSubscriptionsReadBackAndAreReplaced() {
    UserId owner = newOwner();
    Subscription trial = Subscription.standard(owner, NOW).startTrial(NOW);
    unitOfWork().run(() -> repository().save(trial, NOW));

    assertThat(repository().find(owner)).contains(trial);

    Subscription paid = trial.paidUntil(NOW.plus(30, ChronoUnit.DAYS));
    unitOfWork().run(() -> repository().save(paid, NOW));

    Subscription read = repository().find(owner).orElseThrow();
    assertThat(read.type()).isEqualTo(SubscriptionType.STANDARD);
    assertThat(read.recurring()).isTrue();
    assertThat(read.renewalDate()).isEqualTo(NOW.plus(30, ChronoUnit.DAYS));
    assertThat(read.enabledTrialAt()).isEqualTo(NOW);
  }

  @Test
  void oneOwnersSubscriptionIsNotAnothers() {
    UserId owner = newOwner();
    UserId other = newOwner();
    unitOfWork()
        .run(() -> repository()
            .save(Subscription.standard(owner, NOW).paidUntil(NOW.plusSeconds(60)), NOW));

    assertThat(repository().find(other)).isEmpty();
  }

  @Test
  void anEventIsRecordedOnce() {
    String id = "evt_" + UUID.randomUUID();

    assertThat(unitOfWork().inTransaction(() -> repository().recordEvent(id, NOW)))
        .isTrue();
    assertThat(unitOfWork().inTransaction(() -> repository().recordEvent(id, NOW)))
        .isFalse();
    assertThat(unitOfWork().inTransaction(() -> repository().recordEvent(id + "x", NOW)))
        .isTrue();
  }
}
