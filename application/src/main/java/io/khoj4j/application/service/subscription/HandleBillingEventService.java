package io.khoj4j.application.service.subscription;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.subscription.HandleBillingEventUseCase;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.subscription.BillingEvent;
import io.khoj4j.application.port.out.subscription.BillingProvider;
import io.khoj4j.application.port.out.subscription.SubscriptionRepository;
import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Khoj's webhook rules (§7.4): a paid invoice makes the customer's account a recurring subscription until the end of
 * their latest subscription's period; an updated subscription renews or stops at its period's end (only for accounts
 * that were ever paid); a deleted one ends at once. The customer's account is found (or created) by e-mail. The
 * provider is asked first, outside any transaction; the change and the note that the event was applied are then
 * written together, so a replayed event changes nothing.
 */
public final class HandleBillingEventService implements HandleBillingEventUseCase {

  private final BillingProvider provider;
  private final Optional<String> productId;
  private final ProvisionUserUseCase provision;
  private final Tiers tiers;
  private final SubscriptionRepository subscriptions;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public HandleBillingEventService(
      BillingProvider provider,
      Optional<String> productId,
      ProvisionUserUseCase provision,
      Tiers tiers,
      SubscriptionRepository subscriptions,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.provider = provider;
    this.productId = productId;
    this.provision = provision;
    this.tiers = tiers;
    this.subscriptions = subscriptions;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public boolean handle(BillingEventCommand command) {
    if (!tiers.billing().enabled()) {
      throw new NotFoundException("Not Found");
    }
    if (command.signature().isBlank()) {
      throw new InvalidInputException("The stripe-signature header is missing");
    }
    if (command.payload().isBlank()) {
      throw new InvalidInputException("The event body is empty");
    }
    BillingEvent event = provider.verify(command.payload(), command.signature());
    if (event.kind() == BillingEvent.Kind.OTHER || event.customerId() == null) {
      return false;
    }
    if (productId.isPresent() && !event.products().contains(productId.get())) {
      return false;
    }
    Optional<String> email = provider.customerEmail(event.customerId());
    if (email.isEmpty()) {
      return false;
    }
    Optional<Instant> periodEnd = event.kind() == BillingEvent.Kind.INVOICE_PAID
        ? provider.latestPeriodEnd(event.customerId())
        : event.periodEnd();
    if (event.kind() == BillingEvent.Kind.INVOICE_PAID && periodEnd.isEmpty()) {
      return false;
    }
    User user = provision.provision(ProvisionUserCommand.byEmail(email.get()));
    Instant now = clock.instant();
    unitOfWork.run(() -> {
      if (!subscriptions.recordEvent(event.id(), now)) {
        return; // a replay: applied before
      }
      Subscription current = tiers.subscriptionOf(user.id());
      Subscription next = switch (event.kind()) {
        case INVOICE_PAID -> current.paidUntil(periodEnd.orElseThrow());
        case SUBSCRIPTION_UPDATED ->
          periodEnd.map(end -> current.updated(event.cancelAtPeriodEnd(), end)).orElse(current);
        case SUBSCRIPTION_DELETED -> current.ended();
        case OTHER -> current;
      };
      subscriptions.save(next, now);
    });
    return true;
  }
}
