package io.khoj4j.application.service.subscription;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.out.subscription.SubscriptionRepository;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.chat.ChatModel;
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

  /**
   * Whether the user may use a model of this price tier: a free one always, any other on the premium tier (every user
   * when billing is off), as Khoj's model choice and chat do.
   */
  public boolean mayUse(UserId user, ChatModel.PriceTier tier) {
    return tier == ChatModel.PriceTier.FREE || premium(user);
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
