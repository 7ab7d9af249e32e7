package io.khoj4j.application.error;

/** A rate limit or a storage quota is used up; Khoj's clients show 429 as "out of space" or "throttled". */
public final class QuotaExceededException extends ApplicationException {

  public QuotaExceededException(String message) {
    super(message);
  }
}
