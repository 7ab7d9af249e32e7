package io.khoj4j.bootstrap.usage;

import io.khoj4j.bootstrap.testing.StripeStub;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Billing on (Stripe key, signing secret and subscription URL set) against a local stub of Stripe's API, with free
 * accounts allowed two chat messages a day. The tier tests and the webhook tests share it: each test profile costs the
 * suite a build and a start of the application.
 */
public class BillingOn implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("khoj.limits.free.chat-per-day", "2");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(StripeStub.class));
  }
}
