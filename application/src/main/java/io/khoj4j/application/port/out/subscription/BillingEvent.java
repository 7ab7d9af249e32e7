package io.khoj4j.application.port.out.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified event from the billing provider, reduced to what subscriptions need.
 *
 * @param products the products of the event's line items (a subscription's items, an invoice's lines)
 * @param cancelAtPeriodEnd for a changed subscription: whether it stops at the end of the period
 * @param periodEnd for a changed subscription: the end of its current period
 */
public record BillingEvent(
    String id,
    Kind kind,
    String customerId,
    List<String> products,
    boolean cancelAtPeriodEnd,
    Optional<Instant> periodEnd) {

  /** The events that change a subscription; anything else is {@code OTHER}. */
  public enum Kind {
    INVOICE_PAID,
    SUBSCRIPTION_UPDATED,
    SUBSCRIPTION_DELETED,
    OTHER
  }

  public BillingEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    products = products == null ? List.of() : List.copyOf(products);
    Objects.requireNonNull(periodEnd, "periodEnd");
  }
}
