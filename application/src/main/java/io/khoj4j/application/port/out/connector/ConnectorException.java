package io.khoj4j.application.port.out.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector's API refused or failed a request. {@link Kind#UNAUTHORIZED} means the token is wrong or revoked: the
 * sync stops and deletes nothing. {@link Kind#RATE_LIMITED} carries when the vendor allows the next request.
 */
public final class ConnectorException extends RuntimeException {

  public enum Kind {
    /** The token was refused (401). */
    UNAUTHORIZED,
    /** The repository, branch or page does not exist, or the token may not see or read it (404, 403, 451). */
    NOT_FOUND,
    /** The vendor's limit was reached; try again at {@link #retryAt()}. */
    RATE_LIMITED,
    /** The vendor failed (5xx), timed out or could not be reached. */
    UNAVAILABLE,
    /** The answer could not be read. */
    MALFORMED
  }

  private final Kind kind;
  private final Optional<Instant> retryAt;

  public ConnectorException(Kind kind, String message, Optional<Instant> retryAt, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.retryAt = retryAt == null ? Optional.empty() : retryAt;
  }

  public ConnectorException(Kind kind, String message) {
    this(kind, message, Optional.empty(), null);
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Instant> retryAt() {
    return retryAt;
  }
}
