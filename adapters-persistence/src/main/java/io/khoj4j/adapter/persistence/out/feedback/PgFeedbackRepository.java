package io.khoj4j.adapter.persistence.out.feedback;

import io.khoj4j.application.port.out.feedback.FeedbackRepository;
import io.khoj4j.domain.chat.Feedback;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Table {@code chat_feedback}: one row per (user, turn key); a new verdict on the same turn updates the row. */
@ApplicationScoped
public class PgFeedbackRepository implements FeedbackRepository {

  private final EntityManager em;

  public PgFeedbackRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public void save(Feedback f) {
    em.createNativeQuery("""
            insert into chat_feedback (id, user_id, turn_key, sentiment, question, answer, created_at)
            values (:id, :u, :k, :s, :q, :a, :at)
            on conflict (user_id, turn_key) do update
              set sentiment = excluded.sentiment, question = excluded.question, answer = excluded.answer,
                  created_at = excluded.created_at
            """)
        .setParameter("id", f.id())
        .setParameter("u", f.owner().value())
        .setParameter("k", f.turnKey())
        .setParameter("s", f.sentiment().wireName())
        .setParameter("q", f.question())
        .setParameter("a", f.answer())
        .setParameter("at", Timestamp.from(f.at()))
        .executeUpdate();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Feedback> list(UserId owner) {
    List<Object[]> rows =
        em.createNativeQuery("""
            select id, turn_key, sentiment, question, answer, created_at from chat_feedback
            where user_id = :u order by created_at desc, id
            """).setParameter("u", owner.value()).getResultList();
    return rows.stream()
        .map(r -> new Feedback(
            (UUID) r[0],
            owner,
            (String) r[1],
            Feedback.Sentiment.fromWire((String) r[2]),
            (String) r[3],
            (String) r[4],
            instant(r[5])))
        .toList();
  }

  static Instant instant(Object value) {
    return switch (value) {
      case Timestamp t -> t.toInstant();
      case OffsetDateTime o -> o.toInstant();
      case Instant i -> i;
      default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    };
  }
}
