package io.khoj4j.application.error;

/** The request contradicts the current state (a duplicate name, a concurrent change). */
public final class ConflictException extends ApplicationException {

  public ConflictException(String message) {
    super(message);
  }
}
