package io.khoj4j.application.port.out.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fake of {@link RateLimiter}: a sliding log per bucket and subject; passes {@link RateLimiterContract}. */
public final class InMemoryRateLimiter implements RateLimiter {

  private record Mark(Instant at, String holdId) {}

  private final Clock clock;
  private final Map<String, Deque<Mark>> attempts = new HashMap<>();

  public InMemoryRateLimiter(Clock clock) {
    this.clock = clock;
  }

  private Deque<Mark> log(RateLimit limit, String subject, Instant now) {
    Deque<Mark> log =
        attempts.computeIfAbsent(limit.bucket() + "\n" + subject, k -> new ArrayDeque<>());
    log.removeIf(m -> !m.at().isAfter(now.minus(limit.window())));
    return log;
  }

  @Override
  public synchronized Optional<RateLimit> tryAcquireAll(List<RateLimit> limits, String subject) {
    Instant now = clock.instant();
    for (RateLimit limit : limits) {
      if (log(limit, subject, now).size() >= limit.attempts()) {
        return Optional.of(limit);
      }
    }
    for (RateLimit limit : limits) {
      log(limit, subject, now).addLast(new Mark(now, null));
    }
    return Optional.empty();
  }

  @Override
  public synchronized boolean tryHold(RateLimit limit, String subject, String holdId) {
    Instant now = clock.instant();
    Deque<Mark> log = log(limit, subject, now);
    if (log.size() >= limit.attempts()) {
      return false;
    }
    log.addLast(new Mark(now, holdId));
    return true;
  }

  @Override
  public synchronized void release(RateLimit limit, String subject, String holdId) {
    Deque<Mark> log = attempts.get(limit.bucket() + "\n" + subject);
    if (log != null) {
      log.removeIf(m -> holdId.equals(m.holdId()));
    }
  }

  @Override
  public synchronized int purgeBefore(Instant cutoff) {
    int removed = 0;
    for (Deque<Mark> log : attempts.values()) {
      for (Iterator<Mark> it = log.iterator(); it.hasNext(); ) {
        if (it.next().at().isBefore(cutoff)) {
          it.remove();
          removed++;
        }
      }
    }
    return removed;
  }
}
