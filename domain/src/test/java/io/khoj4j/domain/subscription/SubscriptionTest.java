package io.khoj4j.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private static final UserId OWNER =
      new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static Subscription fresh() {
    return Subscription.standard(OWNER, CREATED);
  }

  @Test
  void aNewAccountIsExpiredAndFree() {
    assertThat(fresh().stateAt(NOW)).isEqualTo(SubscriptionState.EXPIRED);
    assertThat(fresh().premiumAt(NOW)).isFalse();
  }

  @Test
  void aTrialIsPremiumForSevenDaysThenExpires() {
    Subscription trial = fresh().startTrial(NOW);

    assertThat(trial.type()).isEqualTo(SubscriptionType.TRIAL);
    assertThat(trial.enabledTrialAt()).isEqualTo(NOW);
    assertThat(trial.renewalDate()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(trial.stateAt(NOW)).isEqualTo(SubscriptionState.TRIAL);
    assertThat(trial.stateAt(NOW.plus(Duration.ofDays(7))))
        .as("the last instant is still trial")
        .isEqualTo(SubscriptionState.TRIAL);
    assertThat(trial.stateAt(NOW.plus(Duration.ofDays(7)).plusSeconds(1)))
        .isEqualTo(SubscriptionState.EXPIRED);
    assertThat(trial.premiumAt(NOW)).isTrue();
  }

  @Test
  void aTrialWithoutRenewalDateEndsSevenDaysAfterItsRowWasCreated() {
    Subscription trial =
        new Subscription(OWNER, SubscriptionType.TRIAL, false, null, null, CREATED);

    assertThat(trial.renewalDate()).isEqualTo(CREATED.plus(Subscription.TRIAL_LENGTH));
    assertThat(trial.stateAt(CREATED.plus(Duration.ofDays(6)))).isEqualTo(SubscriptionState.TRIAL);
    assertThat(trial.stateAt(CREATED.plus(Duration.ofDays(8))))
        .isEqualTo(SubscriptionState.EXPIRED);
  }

  @Test
  void aPaidInvoiceSubscribesUntilThePeriodEnds() {
    Instant periodEnd = NOW.plus(Duration.ofDays(30));
    Subscription paid = fresh().paidUntil(periodEnd);

    assertThat(paid.stateAt(NOW)).isEqualTo(SubscriptionState.SUBSCRIBED);
    assertThat(paid.premiumAt(NOW)).isTrue();
    assertThat(paid.stateAt(periodEnd.plusSeconds(1)))
        .as("a recurring period that was not renewed")
        .isEqualTo(SubscriptionState.INVALID);
  }

  @Test
  void cancellingAtThePeriodsEndKeepsPremiumUntilThenAndExpiresAfter() {
    Instant periodEnd = NOW.plus(Duration.ofDays(30));
    Subscription cancelled = fresh().paidUntil(periodEnd).updated(true, periodEnd);

    assertThat(cancelled.recurring()).isFalse();
    assertThat(cancelled.stateAt(NOW)).isEqualTo(SubscriptionState.UNSUBSCRIBED);
    assertThat(cancelled.premiumAt(NOW)).isTrue();
    assertThat(cancelled.stateAt(periodEnd.plusSeconds(1))).isEqualTo(SubscriptionState.EXPIRED);
  }

  @Test
  void resubscribingMakesItRecurringAgain() {
    Instant periodEnd = NOW.plus(Duration.ofDays(30));
    Subscription back =
        fresh().paidUntil(periodEnd).updated(true, periodEnd).updated(false, periodEnd);

    assertThat(back.stateAt(NOW)).isEqualTo(SubscriptionState.SUBSCRIBED);
  }

  @Test
  void anUpdateForSomeoneNeverPaidChangesNothing() {
    Subscription never = fresh();

    assertThat(never.updated(false, NOW.plus(Duration.ofDays(30)))).isEqualTo(never);
    assertThat(never.stateAt(NOW)).isEqualTo(SubscriptionState.EXPIRED);
  }

  @Test
  void deletionEndsTheSubscriptionAtOnce() {
    Subscription ended = fresh().paidUntil(NOW.plus(Duration.ofDays(30))).ended();

    assertThat(ended.type()).isEqualTo(SubscriptionType.STANDARD);
    assertThat(ended.renewalDate()).isNull();
    assertThat(ended.stateAt(NOW)).isEqualTo(SubscriptionState.EXPIRED);
  }

  @Test
  void aRecurringSubscriptionWithoutRenewalDateIsInvalid() {
    Subscription odd =
        new Subscription(OWNER, SubscriptionType.STANDARD, true, null, null, CREATED);

    assertThat(odd.stateAt(NOW)).isEqualTo(SubscriptionState.INVALID);
    assertThat(odd.premiumAt(NOW)).isFalse();
  }

  @Test
  void anAdministratorSetsAnyState() {
    Subscription set = fresh()
        .setByAdministrator(SubscriptionType.STANDARD, false, NOW.plus(Duration.ofDays(365)));

    assertThat(set.stateAt(NOW)).isEqualTo(SubscriptionState.UNSUBSCRIBED);
  }

  @Test
  void premiumStatesAreTrialSubscribedAndUnsubscribed() {
    assertThat(SubscriptionState.values())
        .filteredOn(SubscriptionState::premium)
        .containsExactlyInAnyOrder(
            SubscriptionState.TRIAL, SubscriptionState.SUBSCRIBED, SubscriptionState.UNSUBSCRIBED);
    assertThat(SubscriptionState.UNSUBSCRIBED.wireName()).isEqualTo("unsubscribed");
    assertThat(SubscriptionType.fromWire("trial")).isEqualTo(SubscriptionType.TRIAL);
  }
}
