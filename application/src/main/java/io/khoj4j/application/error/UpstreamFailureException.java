package io.khoj4j.application.error;

import java.time.Duration;
import java.util.Optional;

/**
 * An outside service the request depends on (a language model, an embedding server, a connector's API) failed or
 * timed out after the retries that were safe. {@code retryable} tells whether the caller may try again later, and
 * {@code retryAfter} how long the service asked to be left alone first, when it said.
 */
public final class UpstreamFailureException extends ApplicationException {

  private final boolean retryable;
  private final Duration retryAfter;

  public UpstreamFailureException(String message, boolean retryable, Throwable cause) {
    this(message, retryable, cause, null);
  }

  public UpstreamFailureException(
      String message, boolean retryable, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The pause the service asked for before the next call (its {@code Retry-After}), if it named one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
