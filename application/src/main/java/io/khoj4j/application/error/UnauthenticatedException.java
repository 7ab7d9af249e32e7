package io.khoj4j.application.error;

/** The credentials offered (a password, a login code) are wrong. Says nothing about which part was wrong. */
public final class UnauthenticatedException extends ApplicationException {

  public UnauthenticatedException(String message) {
    super(message);
  }
}
