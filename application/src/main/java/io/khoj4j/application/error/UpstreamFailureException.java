package io.khoj4j.application.error;

/**
 * An outside service the request depends on (a language model, an embedding server, a connector's API) failed or
 * timed out after the retries that were safe. {@code retryable} tells whether the caller may try again later.
 */
public final class UpstreamFailureException extends ApplicationException {

  private final boolean retryable;

  public UpstreamFailureException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
