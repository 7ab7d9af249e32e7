package io.khoj4j.adapter.persistence.out.ratelimit;

import io.khoj4j.application.port.out.ratelimit.RateLimit;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.domain.user.SecretHash;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A sliding-window attempt log in PostgreSQL, so every replica counts the same attempts and a restart forgets
 * nothing. Each check runs in its own short transaction holding transaction-scoped advisory locks on (bucket,
 * subject), taken in one order so two checks never wait on each other crosswise: concurrent attempts by one subject
 * queue up for a few milliseconds and can never pass a limit together, while other subjects never wait. A refused
 * attempt is not logged, so a limit of N means at most N attempts in any window.
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
  public Optional<RateLimit> tryAcquireAll(List<RateLimit> limits, String subject) {
    String subjectHash = SecretHash.of(subject).hex();
    return QuarkusTransaction.requiringNew().call(() -> {
      Instant now = clock.instant();
      limits.stream()
          .map(RateLimit::bucket)
          .distinct()
          .sorted(Comparator.naturalOrder())
          .forEach(bucket -> lock(bucket, subjectHash));
      for (RateLimit limit : limits) {
        if (used(limit, subjectHash, now) >= limit.attempts()) {
          return Optional.of(limit);
        }
      }
      for (RateLimit limit : limits) {
        insert(limit, subjectHash, now, null);
      }
      return Optional.<RateLimit>empty();
    });
  }

  @Override
  public boolean tryHold(RateLimit limit, String subject, String holdId) {
    String subjectHash = SecretHash.of(subject).hex();
    return QuarkusTransaction.requiringNew().call(() -> {
      Instant now = clock.instant();
      lock(limit.bucket(), subjectHash);
      if (used(limit, subjectHash, now) >= limit.attempts()) {
        return false;
      }
      insert(limit, subjectHash, now, holdId);
      return true;
    });
  }

  @Override
  public void release(RateLimit limit, String subject, String holdId) {
    String subjectHash = SecretHash.of(subject).hex();
    QuarkusTransaction.requiringNew()
        .run(() -> em.createNativeQuery("""
                        delete from rate_limit_attempts
                        where bucket = :bucket and subject_hash = :subject and hold_id = :hold
                        """)
            .setParameter("bucket", limit.bucket())
            .setParameter("subject", subjectHash)
            .setParameter("hold", holdId)
            .executeUpdate());
  }

  private void lock(String bucket, String subjectHash) {
    em.createNativeQuery(
            "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
        .setParameter("key", bucket + ":" + subjectHash)
        .getSingleResult();
  }

  private long used(RateLimit limit, String subjectHash, Instant now) {
    return ((Number) em.createNativeQuery("""
                    select count(*) from rate_limit_attempts
                    where bucket = :bucket and subject_hash = :subject and attempted_at > :since
                    """)
            .setParameter("bucket", limit.bucket())
            .setParameter("subject", subjectHash)
            .setParameter("since", now.minus(limit.window()))
            .getSingleResult())
        .longValue();
  }

  private void insert(RateLimit limit, String subjectHash, Instant now, String holdId) {
    em.createNativeQuery("""
            insert into rate_limit_attempts (bucket, subject_hash, attempted_at, hold_id)
            values (:b, :s, :at, cast(:hold as varchar(100)))
            """)
        .setParameter("b", limit.bucket())
        .setParameter("s", subjectHash)
        .setParameter("at", now)
        .setParameter("hold", holdId)
        .executeUpdate();
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return QuarkusTransaction.requiringNew()
        .call(() -> em.createNativeQuery(
                "delete from rate_limit_attempts where attempted_at < :cutoff")
            .setParameter("cutoff", cutoff)
            .executeUpdate());
  }
}
