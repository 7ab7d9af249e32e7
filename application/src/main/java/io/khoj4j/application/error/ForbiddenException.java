package io.khoj4j.application.error;

/** The user is known but may not do this. */
public final class ForbiddenException extends ApplicationException {

  public ForbiddenException(String message) {
    super(message);
  }
}
