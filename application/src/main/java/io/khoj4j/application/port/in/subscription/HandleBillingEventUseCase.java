package io.khoj4j.application.port.in.subscription;

/** The payment provider tells us a subscription changed (Khoj's Stripe webhook). */
public interface HandleBillingEventUseCase {

  /**
   * Applies the event once: a replay of an applied event changes nothing and succeeds.
   *
   * @return false for an event this server does not act on (another kind, another product, no such customer)
   * @throws io.khoj4j.application.error.InvalidInputException when the signature or the payload is not valid
   */
  boolean handle(BillingEventCommand command);

  /** Raw, as received: checking it is the use case's job (after making sure billing is on). */
  record BillingEventCommand(String payload, String signature) {
    public BillingEventCommand {
      payload = payload == null ? "" : payload;
      signature = signature == null ? "" : signature;
    }
  }
}
