package io.khoj4j.application.port.out.ratelimit;

import io.khoj4j.application.port.out.shared.MutableClock;

class InMemoryRateLimiterTest extends RateLimiterContract {

  @Override
  protected RateLimiter limiter(MutableClock clock) {
    return new InMemoryRateLimiter(clock);
  }
}
