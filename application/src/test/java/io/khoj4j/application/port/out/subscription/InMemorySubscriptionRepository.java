package io.khoj4j.application.port.out.subscription;

import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fake of {@link SubscriptionRepository}; passes {@link SubscriptionRepositoryContract}. */
public final class InMemorySubscriptionRepository implements SubscriptionRepository {

  private final Map<UserId, Subscription> rows = new HashMap<>();
  private final Set<String> events = new HashSet<>();

  @Override
  public synchronized Optional<Subscription> find(UserId owner) {
    return Optional.ofNullable(rows.get(owner));
  }

  @Override
  public synchronized void save(Subscription subscription, Instant now) {
    rows.put(subscription.owner(), subscription);
  }

  @Override
  public synchronized boolean recordEvent(String eventId, Instant now) {
    return events.add(eventId);
  }
}
