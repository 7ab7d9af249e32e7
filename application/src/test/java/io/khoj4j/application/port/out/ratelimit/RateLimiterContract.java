package io.khoj4j.application.port.out.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} must do; the clock drives the window. */
public abstract class RateLimiterContract {

  /** A limiter reading time from {@code clock}. */
  protected abstract RateLimiter limiter(MutableClock clock);

  private static RateLimit limit(int attempts, Duration window) {
    return new RateLimit("test_" + UUID.randomUUID().toString().substring(0, 8), attempts, window);
  }

  @Test
  void allowsTheLimitThenRefuses() {
    RateLimiter limiter = limiter(MutableClock.at("2026-03-01T10:00:00Z"));
    RateLimit limit = limit(3, Duration.ofMinutes(15));

    assertThat(limiter.tryAcquire(limit, "a@example.org")).isTrue();
    assertThat(limiter.tryAcquire(limit, "a@example.org")).isTrue();
    assertThat(limiter.tryAcquire(limit, "a@example.org")).isTrue();
    assertThat(limiter.tryAcquire(limit, "a@example.org")).isFalse();
    assertThat(limiter.tryAcquire(limit, "b@example.org"))
        .as("another subject has its own count")
        .isTrue();
  }

  @Test
  void theWindowSlides() {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    RateLimiter limiter = limiter(clock);
    RateLimit limit = limit(2, Duration.ofMinutes(10));

    assertThat(limiter.tryAcquire(limit, "s")).isTrue();
    clock.advance(Duration.ofMinutes(6));
    assertThat(limiter.tryAcquire(limit, "s")).isTrue();
    assertThat(limiter.tryAcquire(limit, "s")).isFalse();
    clock.advance(Duration.ofMinutes(5)); // the first attempt left the window, the second has not
    assertThat(limiter.tryAcquire(limit, "s")).isTrue();
    assertThat(limiter.tryAcquire(limit, "s")).isFalse();
  }

  @Test
  void bucketsAreCountedApart() {
    RateLimiter limiter = limiter(MutableClock.at("2026-03-01T10:00:00Z"));
    RateLimit one = limit(1, Duration.ofMinutes(1));
    RateLimit other = limit(1, Duration.ofMinutes(1));

    assertThat(limiter.tryAcquire(one, "s")).isTrue();
    assertThat(limiter.tryAcquire(other, "s")).isTrue();
  }

  @Test
  void concurrentCallersNeverExceedTheLimitTogether() throws Exception {
    RateLimiter limiter = limiter(MutableClock.at("2026-03-01T10:00:00Z"));
    RateLimit limit = limit(5, Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> callers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        callers.add(() -> limiter.tryAcquire(limit, "10.0.0.1"));
      }
      long allowed = 0;
      for (Future<Boolean> f : pool.invokeAll(callers)) {
        allowed += f.get() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void allOrNothingAcrossSeveralLimits() {
    RateLimiter limiter = limiter(MutableClock.at("2026-03-01T10:00:00Z"));
    RateLimit minute = limit(3, Duration.ofMinutes(1));
    RateLimit day = limit(2, Duration.ofDays(1));

    assertThat(limiter.tryAcquireAll(List.of(minute, day), "u")).isEmpty();
    assertThat(limiter.tryAcquireAll(List.of(minute, day), "u")).isEmpty();
    assertThat(limiter.tryAcquireAll(List.of(minute, day), "u")).contains(day);
    assertThat(limiter.tryAcquire(minute, "u"))
        .as("the refusal by the day spent nothing of the minute")
        .isTrue();
    assertThat(limiter.tryAcquire(minute, "u")).isFalse();
  }

  @Test
  void holdsLastUntilReleased() {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    RateLimiter limiter = limiter(clock);
    RateLimit connections = limit(2, Duration.ofDays(1));

    assertThat(limiter.tryHold(connections, "u", "c1")).isTrue();
    assertThat(limiter.tryHold(connections, "u", "c2")).isTrue();
    assertThat(limiter.tryHold(connections, "u", "c3")).isFalse();
    assertThat(limiter.tryHold(connections, "other", "c4"))
        .as("another subject has its own places")
        .isTrue();
    limiter.release(connections, "u", "c1");
    limiter.release(connections, "u", "c1");
    limiter.release(connections, "u", "unknown");
    assertThat(limiter.tryHold(connections, "u", "c5")).isTrue();
    assertThat(limiter.tryHold(connections, "u", "c6")).isFalse();
    clock.advance(Duration.ofDays(1).plusSeconds(1));
    assertThat(limiter.tryHold(connections, "u", "c7"))
        .as("a holder that never released frees its place in the end")
        .isTrue();
  }

  @Test
  void concurrentHoldersNeverExceedThePlaces() throws Exception {
    RateLimiter limiter = limiter(MutableClock.at("2026-03-01T10:00:00Z"));
    RateLimit connections = limit(3, Duration.ofDays(1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> callers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String id = "c" + i;
        callers.add(() -> limiter.tryHold(connections, "u", id));
      }
      long held = 0;
      for (Future<Boolean> f : pool.invokeAll(callers)) {
        held += f.get() ? 1 : 0;
      }
      assertThat(held).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentCallersOfSeveralLimitsNeverExceedAny() throws Exception {
    RateLimiter limiter = limiter(MutableClock.at("2026-03-01T10:00:00Z"));
    RateLimit minute = limit(7, Duration.ofMinutes(1));
    RateLimit day = limit(100, Duration.ofDays(1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> callers = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        callers.add(() -> limiter.tryAcquireAll(List.of(minute, day), "u").isEmpty());
      }
      long allowed = 0;
      for (Future<Boolean> f : pool.invokeAll(callers)) {
        allowed += f.get() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(7);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void purgingForgetsOldAttempts() {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    RateLimiter limiter = limiter(clock);
    RateLimit limit = limit(1, Duration.ofDays(30));
    assertThat(limiter.tryAcquire(limit, "s")).isTrue();
    clock.advance(Duration.ofDays(3));

    assertThat(limiter.purgeBefore(clock.instant().minus(Duration.ofDays(2))))
        .isGreaterThanOrEqualTo(1);

    assertThat(limiter.tryAcquire(limit, "s")).isTrue();
  }
}
