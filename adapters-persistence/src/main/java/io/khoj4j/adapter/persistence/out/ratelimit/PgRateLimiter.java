package io.khoj4j.adapter.persistence.out.ratelimit;

import io.khoj4j.application.port.out.ratelimit.RateLimit;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.domain.user.SecretHash;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;

/**
 * A sliding-window attempt log in PostgreSQL, so every replica counts the same attempts. Each check runs in its own
 * short transaction holding a transaction-scoped advisory lock on (bucket, subject): concurrent attempts by one
 * subject queue up for a few milliseconds and can never pass the limit together, while other subjects never wait.
 * A refused attempt is not logged, so a limit of N means at most N attempts in any window.
 */
@ApplicationScoped
public class PgRateLimiter implements RateLimiter {

  private final EntityManager em;
  private final Clock clock;

  public PgRateLimiter(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  @Override
  public boolean tryAcquire(RateLimit limit, String subject) {
    String subjectHash = SecretHash.of(subject).hex();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Instant now = clock.instant();
              em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                  .setParameter("key", limit.bucket() + ":" + subjectHash)
                  .getSingleResult();
              long used =
                  ((Number)
                          em.createNativeQuery(
                                  """
                                  select count(*) from rate_limit_attempts
                                  where bucket = :bucket and subject_hash = :subject and attempted_at > :since
                                  """)
                              .setParameter("bucket", limit.bucket())
                              .setParameter("subject", subjectHash)
                              .setParameter("since", now.minus(limit.window()))
                              .getSingleResult())
                      .longValue();
              if (used >= limit.attempts()) {
                return false;
              }
              em.createNativeQuery(
                      "insert into rate_limit_attempts (bucket, subject_hash, attempted_at) values (:b, :s, :at)")
                  .setParameter("b", limit.bucket())
                  .setParameter("s", subjectHash)
                  .setParameter("at", now)
                  .executeUpdate();
              return true;
            });
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery("delete from rate_limit_attempts where attempted_at < :cutoff")
                    .setParameter("cutoff", cutoff)
                    .executeUpdate());
  }
}
