package io.khoj4j.adapter.persistence.out.subscription;

import io.khoj4j.application.port.out.subscription.SubscriptionRepository;
import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.subscription.SubscriptionType;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions in {@code subscriptions}, one row per user; applied billing events in {@code billing_events}. */
@ApplicationScoped
public class PgSubscriptionRepository implements SubscriptionRepository {

  private final EntityManager em;

  public PgSubscriptionRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Subscription> find(UserId owner) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("""
            select type, is_recurring, renewal_date, enabled_trial_at, created_at
            from subscriptions where user_id = :u
            """).setParameter("u", owner.value()).getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new Subscription(
            owner,
            SubscriptionType.fromWire((String) r[0]),
            (Boolean) r[1],
            instant(r[2]),
            instant(r[3]),
            instant(r[4])));
  }

  @Override
  @Transactional
  public void save(Subscription s, Instant now) {
    em.createNativeQuery("""
            insert into subscriptions (user_id, type, is_recurring, renewal_date, enabled_trial_at, created_at,
                                       updated_at)
            values (:u, :type, :recurring, cast(:renewal as timestamptz), cast(:trial as timestamptz), :created, :now)
            on conflict (user_id) do update set type = excluded.type, is_recurring = excluded.is_recurring,
                renewal_date = excluded.renewal_date, enabled_trial_at = excluded.enabled_trial_at,
                updated_at = excluded.updated_at
            """)
        .setParameter("u", s.owner().value())
        .setParameter("type", s.type().wireName())
        .setParameter("recurring", s.recurring())
        .setParameter(
            "renewal", s.renewalDate() == null ? null : s.renewalDate().toString())
        .setParameter(
            "trial", s.enabledTrialAt() == null ? null : s.enabledTrialAt().toString())
        .setParameter("created", s.createdAt())
        .setParameter("now", now)
        .executeUpdate();
  }

  @Override
  @Transactional
  public boolean recordEvent(String eventId, Instant now) {
    return em.createNativeQuery(
                "insert into billing_events (event_id, received_at) values (:id, :now) on conflict do nothing")
            .setParameter("id", eventId)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case null -> null;
      case Instant i -> i;
      case OffsetDateTime o -> o.toInstant();
      case java.sql.Timestamp t -> t.toInstant();
      default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    };
  }

  static UUID id(UserId owner) {
    return owner.value();
  }
}
