package io.khoj4j.domain.subscription;

import java.util.Locale;

/**
 * Where a subscription stands at a moment, as Khoj's clients read it ({@code subscription_state}). Trial, subscribed
 * and unsubscribed (cancelled but paid through) are premium; expired and invalid are the free tier.
 */
public enum SubscriptionState {
  INVALID,
  TRIAL,
  SUBSCRIBED,
  UNSUBSCRIBED,
  EXPIRED;

  public boolean premium() {
    return this == TRIAL || this == SUBSCRIBED || this == UNSUBSCRIBED;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
