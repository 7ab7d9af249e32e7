package io.khoj4j.adapter.persistence.out.ratelimit;

import io.khoj4j.application.port.out.ratelimit.IndexSpace;
import io.khoj4j.domain.user.UserId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;

/**
 * Index room in PostgreSQL. A reservation runs in its own short transaction holding a transaction-scoped advisory lock
 * on the user: it sums the user's indexed entries and live reservations and inserts its own only when the total stays
 * below the capacity, so concurrent uploads (on any replica) queue for a moment and never pass the limit together.
 * Entries written by an upload are committed before its reservation is given back, so nothing goes uncounted in
 * between (for that moment it counts twice, which only errs towards refusing).
 */
@ApplicationScoped
public class PgIndexSpace implements IndexSpace {

  private final EntityManager em;
  private final Clock clock;

  public PgIndexSpace(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  @Override
  public boolean tryReserve(UserId owner, String uploadId, long bytes, long capacity) {
    return QuarkusTransaction.requiringNew().call(() -> {
      Instant now = clock.instant();
      em.createNativeQuery(
              "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
          .setParameter("key", "index_space:" + owner.value())
          .getSingleResult();
      long used = ((Number) em.createNativeQuery("""
              select (select coalesce(sum(indexed_bytes), 0) from indexed_files where user_id = :user)
                   + (select coalesce(sum(bytes), 0) from index_reservations
                      where user_id = :user and reserved_at > :fresh)
              """)
              .setParameter("user", owner.value())
              .setParameter("fresh", now.minus(STALE_AFTER))
              .getSingleResult())
          .longValue();
      if (used + bytes >= capacity) {
        return false;
      }
      em.createNativeQuery("""
              insert into index_reservations (user_id, upload_id, bytes, reserved_at)
              values (:user, :upload, :bytes, :at)
              on conflict (user_id, upload_id) do update set bytes = excluded.bytes, reserved_at = excluded.reserved_at
              """)
          .setParameter("user", owner.value())
          .setParameter("upload", uploadId)
          .setParameter("bytes", bytes)
          .setParameter("at", now)
          .executeUpdate();
      return true;
    });
  }

  @Override
  public void release(UserId owner, String uploadId) {
    QuarkusTransaction.requiringNew()
        .run(() -> em.createNativeQuery(
                "delete from index_reservations where user_id = :user and upload_id = :upload")
            .setParameter("user", owner.value())
            .setParameter("upload", uploadId)
            .executeUpdate());
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> em.createNativeQuery("delete from index_reservations where reserved_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
  }
}
