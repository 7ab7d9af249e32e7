package io.khoj4j.application.error;

/** The thing asked for does not exist for this user (another user's data is "not found" too). */
public final class NotFoundException extends ApplicationException {

  public NotFoundException(String message) {
    super(message);
  }
}
