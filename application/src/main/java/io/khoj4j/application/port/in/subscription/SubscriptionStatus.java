package io.khoj4j.application.port.in.subscription;

import io.khoj4j.domain.subscription.SubscriptionState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user's settings show of their subscription.
 *
 * @param premium whether the premium tier applies (always, when billing is off)
 * @param subscriptionUrl where users subscribe, when billing is on
 */
public record SubscriptionStatus(
    SubscriptionState state,
    boolean premium,
    Optional<Instant> renewalDate,
    Optional<Instant> enabledTrialAt,
    boolean billingEnabled,
    Optional<String> subscriptionUrl) {

  public SubscriptionStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(renewalDate, "renewalDate");
    Objects.requireNonNull(enabledTrialAt, "enabledTrialAt");
    Objects.requireNonNull(subscriptionUrl, "subscriptionUrl");
  }
}
