package io.khoj4j.application.service.subscription;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.out.subscription.SubscriptionRepository;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;

/**
 * Which tier a user is on. Premium when billing is off, for the built-in user of single-user mode, and otherwise
 * when the subscription's state is premium (trial, subscribed, unsubscribed but paid through).
 */
public final class Tiers {

  private final SubscriptionRepository subscriptions;
  private final UserRepository users;
  private final BillingSettings billing;
  private final Clock clock;

  public Tiers(
      SubscriptionRepository subscriptions,
      UserRepository users,
      BillingSettings billing,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.users = users;
    this.billing = billing;
    this.clock = clock;
  }

  public BillingSettings billing() {
    return billing;
  }

  /** The user's subscription, or the standard one every new account has. */
  public Subscription subscriptionOf(UserId user) {
    return subscriptions
        .find(user)
        .orElseGet(() -> Subscription.standard(user, userOf(user).createdAt()));
  }

  public boolean premium(UserId user) {
    if (!billing.enabled()) {
      return true;
    }
    Subscription subscription = subscriptionOf(user);
    return subscription.premiumAt(clock.instant()) || userOf(user).isDefaultUser();
  }

  private User userOf(UserId user) {
    return users.findById(user).orElseThrow(() -> new NotFoundException("User not found"));
  }
}
