package io.khoj4j.application.service.subscription;

import io.khoj4j.application.port.in.subscription.SetSubscriptionUseCase;
import io.khoj4j.application.port.in.subscription.SubscriptionStatus;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.subscription.SubscriptionRepository;
import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.subscription.SubscriptionType;
import java.time.Clock;
import java.time.Instant;

/** The administrator's hand on a subscription: a trial starts now unless an end is given; anything else as given. */
public final class SetSubscriptionService implements SetSubscriptionUseCase {

  private final Tiers tiers;
  private final SubscriptionRepository subscriptions;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public SetSubscriptionService(
      Tiers tiers, SubscriptionRepository subscriptions, UnitOfWork unitOfWork, Clock clock) {
    this.tiers = tiers;
    this.subscriptions = subscriptions;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public SubscriptionStatus set(SetSubscriptionCommand command) {
    Instant now = clock.instant();
    Subscription saved = unitOfWork.inTransaction(() -> {
      Subscription current = tiers.subscriptionOf(command.user());
      Subscription next =
          command.type() == SubscriptionType.TRIAL && command.renewalDate().isEmpty()
              ? current.startTrial(now)
              : current.setByAdministrator(
                  command.type(), command.recurring(), command.renewalDate().orElse(null));
      subscriptions.save(next, now);
      return next;
    });
    return GetSubscriptionService.status(tiers, command.user(), saved, clock);
  }
}
