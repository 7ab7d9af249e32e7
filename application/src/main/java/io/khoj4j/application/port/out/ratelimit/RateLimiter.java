package io.khoj4j.application.port.out.ratelimit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts attempts per subject (an e-mail address, a client IP, a user id) in sliding windows, and holds that last until
 * released (open connections). The counts are shared by every replica of the server and survive restarts, so limits
 * hold however many run behind a load balancer. This is the one port every limit goes through: sign-in attempts,
 * chat messages, research, transcription and WebSocket connections.
 */
public interface RateLimiter {

  /**
   * Records an attempt by {@code subject} and returns true, or returns false without recording it when the subject
   * already used up {@code limit} within the window. Concurrent callers never exceed the limit together.
   */
  default boolean tryAcquire(RateLimit limit, String subject) {
    return tryAcquireAll(List.of(limit), subject).isEmpty();
  }

  /**
   * Records one attempt against every limit, or none: returns the first limit (in the given order) that the subject
   * already used up, having recorded nothing, or empty when the attempt was recorded against all of them. A refusal
   * by the daily limit therefore does not spend the minute's budget. Concurrent callers never exceed any limit.
   */
  Optional<RateLimit> tryAcquireAll(List<RateLimit> limits, String subject);

  /**
   * Takes one of {@code limit.attempts()} places that last until {@link #release} (or until the window passes, so a
   * holder that died without releasing frees its place in the end); false when all places are taken. {@code holdId}
   * names the place, unique per holder.
   */
  boolean tryHold(RateLimit limit, String subject, String holdId);

  /** Gives back a place taken by {@link #tryHold}; releasing twice or an unknown id does nothing. */
  void release(RateLimit limit, String subject, String holdId);

  /** Forgets attempts and holds made before {@code cutoff} (older than every window in use); returns how many. */
  int purgeBefore(Instant cutoff);
}
