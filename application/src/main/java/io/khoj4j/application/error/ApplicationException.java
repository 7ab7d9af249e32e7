package io.khoj4j.application.error;

/**
 * A failure the caller can act on. Each kind maps to one HTTP status at the web edge; the message is safe to show
 * to the user (no internals, no other user's data).
 */
public abstract sealed class ApplicationException extends RuntimeException
    permits NotFoundException,
        InvalidInputException,
        ForbiddenException,
        UnauthenticatedException,
        ConflictException,
        QuotaExceededException,
        UpstreamFailureException {

  protected ApplicationException(String message) {
    super(message);
  }

  protected ApplicationException(String message, Throwable cause) {
    super(message, cause);
  }
}
