package io.khoj4j.application.service.subscription;

import java.util.Optional;

/** Tiers of a server without billing, for tests: every user is premium and nothing is read. */
public final class NoBilling {

  private NoBilling() {}

  public static Tiers tiers() {
    return new Tiers(null, null, new BillingSettings(false, Optional.empty()), null);
  }
}
