package io.khoj4j.application.port.out.subscription;

import io.khoj4j.application.error.InvalidInputException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fake of {@link BillingProvider}: a payload is "signed" when the signature is {@code "sig:" + payload}; events,
 * customers and their period ends are registered by the test.
 */
public final class FakeBillingProvider implements BillingProvider {

  public final Map<String, BillingEvent> events = new HashMap<>();
  public final Map<String, String> emails = new HashMap<>();
  public final Map<String, Instant> periodEnds = new HashMap<>();

  @Override
  public BillingEvent verify(String payload, String signature) {
    if (!signature.equals("sig:" + payload)) {
      throw new InvalidInputException("Invalid Stripe signature");
    }
    BillingEvent event = events.get(payload);
    if (event == null) {
      throw new InvalidInputException("Invalid Stripe event");
    }
    return event;
  }

  @Override
  public Optional<String> customerEmail(String customerId) {
    return Optional.ofNullable(emails.get(customerId));
  }

  @Override
  public Optional<Instant> latestPeriodEnd(String customerId) {
    return Optional.ofNullable(periodEnds.get(customerId));
  }

  @Override
  public Optional<String> customerByEmail(String email) {
    return emails.entrySet().stream()
        .filter(e -> e.getValue().equals(email))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  @Override
  public int cancelAtPeriodEnd(String customerId) {
    return 0;
  }

  @Override
  public boolean resume(String customerId) {
    return false;
  }
}
