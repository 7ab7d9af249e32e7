package io.khoj4j.application.port.in.usage;

/**
 * Counts what a user is about to do against their tier's limits, or refuses it. Nothing is counted when limits are
 * off (the self-hosted default) or when the request is refused.
 */
public interface AdmitUsageUseCase {

  /** @throws io.khoj4j.application.error.QuotaExceededException with the message to show the user */
  void admit(AdmitUsageCommand command);
}
