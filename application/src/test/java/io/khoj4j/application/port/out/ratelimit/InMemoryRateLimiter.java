package io.khoj4j.application.port.out.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Fake of {@link RateLimiter}: a sliding log per bucket and subject; passes {@link RateLimiterContract}. */
public final class InMemoryRateLimiter implements RateLimiter {

  private final Clock clock;
  private final Map<String, Deque<Instant>> attempts = new HashMap<>();

  public InMemoryRateLimiter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized boolean tryAcquire(RateLimit limit, String subject) {
    Instant now = clock.instant();
    Deque<Instant> log = attempts.computeIfAbsent(limit.bucket() + "\n" + subject, k -> new ArrayDeque<>());
    while (!log.isEmpty() && !log.peekFirst().isAfter(now.minus(limit.window()))) {
      log.pollFirst();
    }
    if (log.size() >= limit.attempts()) {
      return false;
    }
    log.addLast(now);
    return true;
  }

  @Override
  public synchronized int purgeBefore(Instant cutoff) {
    int removed = 0;
    for (Deque<Instant> log : attempts.values()) {
      while (!log.isEmpty() && log.peekFirst().isBefore(cutoff)) {
        log.pollFirst();
        removed++;
      }
    }
    return removed;
  }
}
