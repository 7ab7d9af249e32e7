package io.khoj4j.bootstrap.jobs;

import io.khoj4j.application.port.out.auth.WebSessionRepository;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Hourly, on one replica: removes expired browser sessions and sign-in attempts older than every limit's window (the
 * longest is a day).
 */
@ApplicationScoped
public class SignInHousekeepingJob implements ClusterJob {

  static final Duration ATTEMPT_RETENTION = Duration.ofDays(2);

  private final WebSessionRepository sessions;
  private final RateLimiter limiter;
  private final Clock clock;

  public SignInHousekeepingJob(WebSessionRepository sessions, RateLimiter limiter, Clock clock) {
    this.sessions = sessions;
    this.limiter = limiter;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "sign-in-housekeeping";
  }

  @Override
  public Duration every() {
    return Duration.ofHours(1);
  }

  @Override
  public void run() {
    Instant now = clock.instant();
    sessions.deleteExpired(now);
    limiter.purgeBefore(now.minus(ATTEMPT_RETENTION));
  }
}
