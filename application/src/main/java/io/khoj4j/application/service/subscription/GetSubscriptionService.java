package io.khoj4j.application.service.subscription;

import io.khoj4j.application.port.in.subscription.GetSubscriptionUseCase;
import io.khoj4j.application.port.in.subscription.SubscriptionStatus;
import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.subscription.SubscriptionState;
import java.time.Clock;
import java.util.Optional;

/** A user's subscription as their settings show it. */
public final class GetSubscriptionService implements GetSubscriptionUseCase {

  private final Tiers tiers;
  private final Clock clock;

  public GetSubscriptionService(Tiers tiers, Clock clock) {
    this.tiers = tiers;
    this.clock = clock;
  }

  /**
   * Without billing every user is premium and is told so ({@code subscribed}, no dates), whatever is stored: the
   * stored subscription only matters once billing is on.
   */
  @Override
  public SubscriptionStatus get(GetSubscriptionQuery query) {
    if (!tiers.billing().enabled()) {
      return new SubscriptionStatus(
          SubscriptionState.SUBSCRIBED,
          true,
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.empty());
    }
    return status(tiers, query.user(), tiers.subscriptionOf(query.user()), clock);
  }

  /** The stored subscription's own state (what an administrator sees), with the tier that applies. */
  static SubscriptionStatus status(
      Tiers tiers, io.khoj4j.domain.user.UserId user, Subscription s, Clock clock) {
    BillingSettings billing = tiers.billing();
    return new SubscriptionStatus(
        s.stateAt(clock.instant()),
        tiers.premium(user),
        Optional.ofNullable(s.renewalDate()),
        Optional.ofNullable(s.enabledTrialAt()),
        billing.enabled(),
        billing.subscriptionUrl());
  }
}
