package io.khoj4j.application.service.subscription;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.subscription.ChangeSubscriptionUseCase;
import io.khoj4j.application.port.out.subscription.BillingProvider;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.User;
import java.util.Optional;

/**
 * Cancels a subscription at the period's end, or takes that back, at the payment provider; the provider's webhook
 * then updates the account, as in Khoj.
 */
public final class ChangeSubscriptionService implements ChangeSubscriptionUseCase {

  private final BillingProvider provider;
  private final UserRepository users;
  private final BillingSettings billing;

  public ChangeSubscriptionService(
      BillingProvider provider, UserRepository users, BillingSettings billing) {
    this.provider = provider;
    this.users = users;
    this.billing = billing;
  }

  @Override
  public ChangeResult change(ChangeSubscriptionCommand command) {
    if (!billing.enabled()) {
      throw new NotFoundException("Not Found");
    }
    User user =
        users.findById(command.user()).orElseThrow(() -> new NotFoundException("User not found"));
    Optional<String> customer =
        Optional.ofNullable(user.email()).flatMap(provider::customerByEmail);
    if (customer.isEmpty()) {
      return ChangeResult.refused("Customer not found");
    }
    return switch (command.operation()) {
      case CANCEL -> {
        provider.cancelAtPeriodEnd(customer.get());
        yield ChangeResult.done();
      }
      case RESUBSCRIBE ->
        provider.resume(customer.get())
            ? ChangeResult.done()
            : ChangeResult.refused("No subscription found that is set to cancel");
    };
  }
}
