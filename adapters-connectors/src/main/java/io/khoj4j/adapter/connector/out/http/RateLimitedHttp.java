package io.khoj4j.adapter.connector.out.http;

import io.khoj4j.application.port.out.connector.ConnectorException;
import io.khoj4j.application.port.out.connector.ConnectorException.Kind;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP discipline both connectors share: at most one request per {@code minInterval} (Notion allows about three a
 * second), a rate-limit answer waited out when the vendor's own reset is near (else reported with its time), and 5xx,
 * time-outs and broken connections retried a few times with growing pauses. Pauses go through {@link Pause}, so tests
 * run without sleeping.
 */
public final class RateLimitedHttp {

  /** Waits; a test passes one that only records. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private final String vendor;
  private final HttpClient http;
  private final Duration maxWait;
  private final Duration minInterval;
  private final int maxAttempts;
  private final Pause pause;
  private final Clock clock;
  private Instant lastRequest = Instant.MIN;

  public RateLimitedHttp(
      String vendor,
      Duration connectTimeout,
      Duration maxWait,
      Duration minInterval,
      int maxAttempts,
      Pause pause,
      Clock clock) {
    this.vendor = vendor;
    this.http = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.maxWait = maxWait;
    this.minInterval = minInterval;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.pause = pause;
    this.clock = clock;
  }

  /**
   * Sends the request until it gets an answer that is neither a rate limit nor a server failure, and returns it.
   *
   * @param rateLimit when the answer is a rate limit, the time the vendor allows the next request
   * @throws ConnectorException RATE_LIMITED when the wait is too long or attempts run out; UNAVAILABLE for 5xx,
   *     time-outs and network failures that outlast the attempts
   */
  public HttpResponse<byte[]> send(
      HttpRequest request, Function<HttpResponse<byte[]>, Optional<Instant>> rateLimit) {
    for (int attempt = 1; ; attempt++) {
      throttle();
      HttpResponse<byte[]> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (attempt >= maxAttempts) {
          throw new ConnectorException(
              Kind.UNAVAILABLE,
              vendor + " could not be reached or did not answer in time",
              Optional.empty(),
              e);
        }
        sleep(backoff(attempt));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectorException(
            Kind.UNAVAILABLE, "interrupted while calling " + vendor, Optional.empty(), e);
      }
      Optional<Instant> limited = rateLimit.apply(response);
      if (limited.isPresent()) {
        Instant retryAt = limited.get();
        Duration wait = Duration.between(clock.instant(), retryAt);
        if (wait.isNegative() || wait.isZero()) {
          wait = Duration.ofSeconds(1);
        }
        if (attempt >= maxAttempts || wait.compareTo(maxWait) > 0) {
          throw new ConnectorException(
              Kind.RATE_LIMITED,
              vendor + " answered HTTP " + response.statusCode() + " (rate limit)",
              Optional.of(retryAt),
              null);
        }
        sleep(wait);
        continue;
      }
      if (response.statusCode() >= 500) {
        if (attempt >= maxAttempts) {
          throw new ConnectorException(
              Kind.UNAVAILABLE, vendor + " answered HTTP " + response.statusCode());
        }
        sleep(backoff(attempt));
        continue;
      }
      return response;
    }
  }

  /** Seconds of a {@code Retry-After} header (GitHub and Notion send seconds), as a time. */
  public Optional<Instant> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(RateLimitedHttp::seconds)
        .map(s -> clock.instant().plusSeconds(s));
  }

  public Instant now() {
    return clock.instant();
  }

  public static Optional<Long> seconds(String value) {
    try {
      long s = Long.parseLong(value.strip());
      return s < 0 ? Optional.empty() : Optional.of(s);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration backoff(int attempt) {
    return Duration.ofSeconds(attempt);
  }

  private synchronized void throttle() {
    if (minInterval.isZero()) {
      return;
    }
    Instant now = clock.instant();
    Instant next = lastRequest.equals(Instant.MIN) ? now : lastRequest.plus(minInterval);
    if (next.isAfter(now)) {
      sleep(Duration.between(now, next));
    }
    lastRequest = next.isAfter(now) ? next : now;
  }

  private void sleep(Duration duration) {
    try {
      pause.pause(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(
          Kind.UNAVAILABLE, "interrupted while waiting for " + vendor, Optional.empty(), e);
    }
  }
}
