package io.khoj4j.bootstrap.jobs;

import io.khoj4j.application.port.out.ratelimit.IndexSpace;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * Every 31 minutes (Khoj's period), on one replica: forgets usage and sign-in counters older than every window in
 * use (the longest is a day, kept two), including WebSocket places whose holder died without giving them back, and
 * index reservations of uploads that died (they stopped counting after {@link IndexSpace#STALE_AFTER}).
 */
@ApplicationScoped
public class UsageCounterPurgeJob implements ClusterJob {

  static final Duration RETENTION = Duration.ofDays(2);

  private final RateLimiter limiter;
  private final IndexSpace space;
  private final Clock clock;

  public UsageCounterPurgeJob(RateLimiter limiter, IndexSpace space, Clock clock) {
    this.limiter = limiter;
    this.space = space;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "usage-counter-purge";
  }

  @Override
  public Duration every() {
    return Duration.ofMinutes(31);
  }

  @Override
  public void run() {
    limiter.purgeBefore(clock.instant().minus(RETENTION));
    space.purgeBefore(clock.instant().minus(RETENTION));
  }
}
