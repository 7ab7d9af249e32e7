package io.khoj4j.application.port.out.subscription;

import java.time.Instant;
import java.util.Optional;

/**
 * The payment provider (Stripe): checks that a webhook call came from it, and reads or changes a customer's
 * subscriptions. Calls that reach the provider fail with {@link io.khoj4j.application.error.UpstreamFailureException}.
 */
public interface BillingProvider {

  /**
   * The event in {@code payload}, when {@code signature} proves the provider sent it recently.
   *
   * @throws io.khoj4j.application.error.InvalidInputException when the signature or the payload is not valid
   */
  BillingEvent verify(String payload, String signature);

  /** The customer's e-mail address; empty for an unknown customer or one without address. */
  Optional<String> customerEmail(String customerId);

  /** The end of the current period of the customer's latest subscription; empty when they have none. */
  Optional<Instant> latestPeriodEnd(String customerId);

  /** The customer with this e-mail address. */
  Optional<String> customerByEmail(String email);

  /** Marks every subscription of the customer to stop at the end of its period; returns how many. */
  int cancelAtPeriodEnd(String customerId);

  /** Clears the stop on the first subscription set to stop; false when none was. */
  boolean resume(String customerId);
}
