package io.khoj4j.application.port.out.ratelimit;

/**
 * Counts attempts per subject (an e-mail address, a client IP, a user id) in a sliding window. The count is shared
 * by every replica of the server, so limits hold however many run behind a load balancer.
 */
public interface RateLimiter {

  /**
   * Records an attempt by {@code subject} and returns true, or returns false without recording it when the subject
   * already used up {@code limit} within the window. Concurrent callers never exceed the limit together.
   */
  boolean tryAcquire(RateLimit limit, String subject);

  /** Forgets attempts made before {@code cutoff} (older than every window in use); returns how many. */
  int purgeBefore(java.time.Instant cutoff);
}
