package io.khoj4j.adapter.persistence.out.voice;

import io.khoj4j.application.port.out.voice.VoiceChoiceRepository;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Table {@code user_voice}: one row per user who picked a voice. */
@ApplicationScoped
public class PgVoiceChoiceRepository implements VoiceChoiceRepository {

  private final EntityManager em;

  public PgVoiceChoiceRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<String> find(UserId owner) {
    List<String> rows = em.createNativeQuery("select voice_id from user_voice where user_id = :u")
        .setParameter("u", owner.value())
        .getResultList();
    return rows.stream().findFirst();
  }

  @Override
  @Transactional
  public void save(UserId owner, String voiceId, Instant at) {
    em.createNativeQuery("""
            insert into user_voice (user_id, voice_id, updated_at) values (:u, :v, :at)
            on conflict (user_id) do update set voice_id = excluded.voice_id, updated_at = excluded.updated_at
            """)
        .setParameter("u", owner.value())
        .setParameter("v", voiceId)
        .setParameter("at", Timestamp.from(at))
        .executeUpdate();
  }
}
