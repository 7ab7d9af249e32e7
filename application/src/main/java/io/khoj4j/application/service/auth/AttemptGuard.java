package io.khoj4j.application.service.auth;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.out.ratelimit.RateLimit;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;

/** Counts one sign-in attempt against an address limit and a client limit; refuses with 429 when either is spent. */
final class AttemptGuard {

  private final RateLimiter limiter;

  AttemptGuard(RateLimiter limiter) {
    this.limiter = limiter;
  }

  void attempt(
      RateLimit perAddress, String address, RateLimit perClient, String client, String refusal) {
    if (client != null && !client.isBlank() && !limiter.tryAcquire(perClient, client)) {
      throw new QuotaExceededException(refusal);
    }
    if (!limiter.tryAcquire(perAddress, address)) {
      throw new QuotaExceededException(refusal);
    }
  }
}
