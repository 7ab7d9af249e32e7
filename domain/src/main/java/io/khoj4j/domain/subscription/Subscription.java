package io.khoj4j.domain.subscription;

import io.khoj4j.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's subscription and its transitions. The state is computed from the fields at a given instant, so a paid
 * period ends by itself and no job has to flip it. A trial's end is fixed when the trial starts (Khoj fixes it on
 * first read; the result is the same: {@code created + trial length}).
 *
 * @param renewalDate when the paid period or the trial ends; null when there is none
 * @param enabledTrialAt when a trial was started; null when never
 */
public record Subscription(
    UserId owner,
    SubscriptionType type,
    boolean recurring,
    Instant renewalDate,
    Instant enabledTrialAt,
    Instant createdAt) {

  /** Khoj's free trial. */
  public static final Duration TRIAL_LENGTH = Duration.ofDays(7);

  public Subscription {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    if (type == SubscriptionType.TRIAL && renewalDate == null) {
      renewalDate = createdAt.plus(TRIAL_LENGTH);
    }
  }

  /** What every new account has: standard, not recurring, no renewal date, hence expired (the free tier). */
  public static Subscription standard(UserId owner, Instant createdAt) {
    return new Subscription(owner, SubscriptionType.STANDARD, false, null, null, createdAt);
  }

  /** The state at {@code now}; the rules are Khoj's {@code subscription_to_state}. */
  public SubscriptionState stateAt(Instant now) {
    if (type == SubscriptionType.TRIAL) {
      return now.isAfter(renewalDate) ? SubscriptionState.EXPIRED : SubscriptionState.TRIAL;
    }
    if (recurring && renewalDate != null && renewalDate.isAfter(now)) {
      return SubscriptionState.SUBSCRIBED;
    }
    if (!recurring && renewalDate == null) {
      return SubscriptionState.EXPIRED;
    }
    if (!recurring && renewalDate.isAfter(now)) {
      return SubscriptionState.UNSUBSCRIBED;
    }
    if (!recurring && renewalDate.isBefore(now)) {
      return SubscriptionState.EXPIRED;
    }
    return SubscriptionState.INVALID;
  }

  public boolean premiumAt(Instant now) {
    return stateAt(now).premium();
  }

  /** Starts the free trial at {@code now}: premium for {@link #TRIAL_LENGTH}. */
  public Subscription startTrial(Instant now) {
    return new Subscription(
        owner, SubscriptionType.TRIAL, false, now.plus(TRIAL_LENGTH), now, createdAt);
  }

  /** An invoice was paid: recurring standard subscription until {@code periodEnd}. */
  public Subscription paidUntil(Instant periodEnd) {
    Objects.requireNonNull(periodEnd, "periodEnd");
    return new Subscription(
        owner, SubscriptionType.STANDARD, true, periodEnd, enabledTrialAt, createdAt);
  }

  /**
   * The billing provider changed the subscription: it renews unless cancelled at the period's end. Only a user who
   * was ever paid (has a renewal date) changes, as in Khoj; anyone else is returned unchanged.
   */
  public Subscription updated(boolean cancelAtPeriodEnd, Instant periodEnd) {
    if (renewalDate == null || type == SubscriptionType.TRIAL) {
      return this;
    }
    Objects.requireNonNull(periodEnd, "periodEnd");
    return new Subscription(
        owner, SubscriptionType.STANDARD, !cancelAtPeriodEnd, periodEnd, enabledTrialAt, createdAt);
  }

  /** The subscription was deleted: back to standard without renewal, hence expired. */
  public Subscription ended() {
    return new Subscription(
        owner, SubscriptionType.STANDARD, false, null, enabledTrialAt, createdAt);
  }

  /** What an administrator sets, as given. */
  public Subscription setByAdministrator(
      SubscriptionType newType, boolean newRecurring, Instant newRenewal) {
    return new Subscription(owner, newType, newRecurring, newRenewal, enabledTrialAt, createdAt);
  }
}
