package io.khoj4j.adapter.persistence.out.ratelimit;

import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.application.port.out.ratelimit.RateLimiterContract;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Two limiters built on the same database stand for two replicas; the contract's race test uses one of them. */
@QuarkusTest
class PgRateLimiterIT extends RateLimiterContract {

  @Inject
  EntityManager em;

  @Override
  protected RateLimiter limiter(MutableClock clock) {
    return new PgRateLimiter(em, clock);
  }

  @org.junit.jupiter.api.Test
  void twoReplicasShareTheCount() {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    RateLimiter replicaA = new PgRateLimiter(em, clock);
    RateLimiter replicaB = new PgRateLimiter(em, clock);
    var limit = new io.khoj4j.application.port.out.ratelimit.RateLimit(
        "replicas_" + java.util.UUID.randomUUID().toString().substring(0, 8),
        2,
        java.time.Duration.ofMinutes(5));

    org.assertj.core.api.Assertions.assertThat(replicaA.tryAcquire(limit, "x")).isTrue();
    org.assertj.core.api.Assertions.assertThat(replicaB.tryAcquire(limit, "x")).isTrue();
    org.assertj.core.api.Assertions.assertThat(replicaA.tryAcquire(limit, "x")).isFalse();
    org.assertj.core.api.Assertions.assertThat(replicaB.tryAcquire(limit, "x")).isFalse();
  }
}
