package io.khoj4j.application.port.out.subscription;

import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Users' subscriptions, and the billing events already applied. */
public interface SubscriptionRepository {

  /** The owner's subscription; empty for an account that never had one (it counts as a new, standard one). */
  Optional<Subscription> find(UserId owner);

  /** Inserts or replaces the owner's subscription. */
  void save(Subscription subscription, Instant now);

  /**
   * Notes that a billing event was applied: true the first time, false when it was already noted (a replay). Runs
   * in the caller's transaction, so an event whose effect was rolled back is not noted either.
   */
  boolean recordEvent(String eventId, Instant now);
}
