package io.khoj4j.bootstrap.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A local stand-in for Stripe's API with billing switched on; tests add the stubs they need. */
public class StripeStub implements QuarkusTestResourceLifecycleManager {

  public static final String SIGNING_SECRET = "whsec_khoj4j_test";
  public static final String PRODUCT = "prod_khoj4j";
  public static volatile WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    return Map.of(
        "khoj.billing.subscription-url", "https://pay.example/subscribe",
        "khoj.billing.stripe.api-key", "sk_test_khoj4j",
        "khoj.billing.stripe.signing-secret", SIGNING_SECRET,
        "khoj.billing.stripe.product-id", PRODUCT,
        "khoj.billing.stripe.api-base", server.baseUrl(),
        "khoj.billing.stripe.retries", "0",
        "khoj.billing.stripe.timeout", "30s");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
