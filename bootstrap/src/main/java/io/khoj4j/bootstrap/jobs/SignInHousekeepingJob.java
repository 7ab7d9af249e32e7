package io.khoj4j.bootstrap.jobs;

import io.khoj4j.application.port.out.auth.WebSessionRepository;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Hourly: removes expired browser sessions and sign-in attempts older than every limit's window (the longest is a
 * day). Safe on several replicas at once: both are plain deletes of rows nobody needs.
 */
@ApplicationScoped
public class SignInHousekeepingJob {

  static final Duration ATTEMPT_RETENTION = Duration.ofDays(2);

  private final WebSessionRepository sessions;
  private final RateLimiter limiter;
  private final Clock clock;

  public SignInHousekeepingJob(WebSessionRepository sessions, RateLimiter limiter, Clock clock) {
    this.sessions = sessions;
    this.limiter = limiter;
    this.clock = clock;
  }

  @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    Instant now = clock.instant();
    sessions.deleteExpired(now);
    limiter.purgeBefore(now.minus(ATTEMPT_RETENTION));
  }
}
