package io.khoj4j.domain.automation;

/** A cron expression an automation cannot use; the message is meant for the user. */
public final class InvalidCrontimeException extends IllegalArgumentException {

  public InvalidCrontimeException(String message) {
    super(message);
  }
}
