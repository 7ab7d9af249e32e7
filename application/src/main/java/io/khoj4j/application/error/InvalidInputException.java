package io.khoj4j.application.error;

/** The request is malformed or breaks a rule; nothing was changed. */
public final class InvalidInputException extends ApplicationException {

  public InvalidInputException(String message) {
    super(message);
  }
}
