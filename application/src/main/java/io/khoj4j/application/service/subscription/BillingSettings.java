package io.khoj4j.application.service.subscription;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether this server bills its users. Off (the self-hosted default), every user is on the premium tier, as in Khoj.
 *
 * @param subscriptionUrl where users subscribe; shown in settings and in refusals that suggest subscribing
 */
public record BillingSettings(boolean enabled, Optional<String> subscriptionUrl) {

  public BillingSettings {
    Objects.requireNonNull(subscriptionUrl, "subscriptionUrl");
  }

  public static BillingSettings off() {
    return new BillingSettings(false, Optional.empty());
  }
}
