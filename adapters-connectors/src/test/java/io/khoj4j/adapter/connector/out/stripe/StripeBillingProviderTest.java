package io.khoj4j.adapter.connector.out.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.subscription.BillingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local stub of Stripe's API (its real wire format), and webhook payloads signed with a test secret. */
class StripeBillingProviderTest {

  private static final String SECRET = "whsec_test_secret";
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  // One stub server for the class: a fresh one per test could get the port of the last one, whose
  // stalled
  // connection (the time-out test) the JDK's keep-alive cache might still hand out.
  private static WireMockServer stripe;
  private StripeBillingProvider provider;

  @BeforeAll
  static void start() {
    stripe = new WireMockServer(options().dynamicPort());
    stripe.start();
  }

  @AfterAll
  static void stop() {
    stripe.stop();
  }

  @BeforeEach
  void provider() {
    stripe.resetAll();
    // Generous: a first request on a loaded machine may take seconds. The time-out test has its
    // own, short one.
    provider = new StripeBillingProvider(
        "sk_test_123",
        SECRET,
        stripe.baseUrl(),
        Duration.ofSeconds(30),
        0,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static String subscriptionUpdated(String id, boolean cancel) {
    return """
        {"id":"%s","object":"event","type":"customer.subscription.updated","api_version":"2025-03-31.basil",
         "data":{"object":{"id":"sub_1","object":"subscription","customer":"cus_1","cancel_at_period_end":%s,
           "items":{"object":"list","data":[{"id":"si_1","current_period_end":1775000000,
             "price":{"id":"price_1","product":"prod_khoj"}}]}}}}
        """.formatted(id, cancel);
  }

  @Test
  void aSignedEventIsReadWithItsProductsAndPeriodEnd() {
    String payload = subscriptionUpdated("evt_1", true);

    BillingEvent event =
        provider.verify(payload, StripeSignatures.header(payload, SECRET, NOW.getEpochSecond()));

    assertThat(event.id()).isEqualTo("evt_1");
    assertThat(event.kind()).isEqualTo(BillingEvent.Kind.SUBSCRIPTION_UPDATED);
    assertThat(event.customerId()).isEqualTo("cus_1");
    assertThat(event.products()).containsExactly("prod_khoj");
    assertThat(event.cancelAtPeriodEnd()).isTrue();
    assertThat(event.periodEnd()).contains(Instant.ofEpochSecond(1775000000));
  }

  @Test
  void aTamperedBodyAWrongSecretAnOldSignatureOrGarbageAreRefused() {
    String payload = subscriptionUpdated("evt_2", false);
    String header = StripeSignatures.header(payload, SECRET, NOW.getEpochSecond());

    assertThatThrownBy(() -> provider.verify(payload.replace("false", "true"), header))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Invalid Stripe signature");
    assertThatThrownBy(() -> provider.verify(
            payload, StripeSignatures.header(payload, "whsec_other", NOW.getEpochSecond())))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> provider.verify(
            payload,
            StripeSignatures.header(
                payload, SECRET, NOW.minus(Duration.ofMinutes(10)).getEpochSecond())))
        .as("older than the five-minute tolerance")
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> provider.verify(payload, "nonsense"))
        .isInstanceOf(InvalidInputException.class);
    String garbage = "{not json";
    assertThatThrownBy(() -> provider.verify(
            garbage, StripeSignatures.header(garbage, SECRET, NOW.getEpochSecond())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Invalid Stripe event");
  }

  @Test
  void anInvoiceNamesItsProductsInItsLinesAndOtherKindsAreOther() {
    String invoice = """
        {"id":"evt_3","type":"invoice.paid","data":{"object":{"id":"in_1","customer":"cus_1",
          "lines":{"data":[{"id":"il_1","pricing":{"price_details":{"product":"prod_khoj"}}}]}}}}""";
    String other = """
        {"id":"evt_4","type":"charge.succeeded","data":{"object":{"id":"ch_1","customer":"cus_1"}}}""";

    BillingEvent paid =
        provider.verify(invoice, StripeSignatures.header(invoice, SECRET, NOW.getEpochSecond()));
    BillingEvent charge =
        provider.verify(other, StripeSignatures.header(other, SECRET, NOW.getEpochSecond()));

    assertThat(paid.kind()).isEqualTo(BillingEvent.Kind.INVOICE_PAID);
    assertThat(paid.products()).containsExactly("prod_khoj");
    assertThat(charge.kind()).isEqualTo(BillingEvent.Kind.OTHER);
  }

  @Test
  void customersAndTheirLatestPeriodAreReadFromTheApi() {
    stripe.stubFor(get(urlPathEqualTo("/v1/customers/cus_1"))
        .willReturn(
            okJson("{\"id\":\"cus_1\",\"object\":\"customer\",\"email\":\"Payer@Example.org\"}")));
    stripe.stubFor(
        get(urlPathEqualTo("/v1/customers/cus_gone"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such customer\"}}")));
    stripe.stubFor(get(urlPathEqualTo("/v1/subscriptions"))
        .withQueryParam("customer", equalTo("cus_1"))
        .willReturn(okJson(
            "{\"object\":\"list\",\"data\":[{\"id\":\"sub_1\",\"current_period_end\":1775000000,"
                + "\"cancel_at_period_end\":false}]}")));

    assertThat(provider.customerEmail("cus_1")).contains("Payer@Example.org");
    assertThat(provider.customerEmail("cus_gone")).isEmpty();
    assertThat(provider.latestPeriodEnd("cus_1")).contains(Instant.ofEpochSecond(1775000000));
  }

  @Test
  void cancellingMarksEverySubscriptionAndResumingTheFirstMarkedOne() {
    stripe.stubFor(get(urlPathEqualTo("/v1/customers"))
        .withQueryParam("email", equalTo("a@example.org"))
        .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"cus_1\"}]}")));
    stripe.stubFor(get(urlPathEqualTo("/v1/subscriptions"))
        .willReturn(okJson(
            "{\"object\":\"list\",\"data\":[{\"id\":\"sub_1\",\"cancel_at_period_end\":false},"
                + "{\"id\":\"sub_2\",\"cancel_at_period_end\":true}]}")));
    stripe.stubFor(
        post(urlPathEqualTo("/v1/subscriptions/sub_1")).willReturn(okJson("{\"id\":\"sub_1\"}")));
    stripe.stubFor(
        post(urlPathEqualTo("/v1/subscriptions/sub_2")).willReturn(okJson("{\"id\":\"sub_2\"}")));

    assertThat(provider.customerByEmail("a@example.org")).contains("cus_1");
    assertThat(provider.cancelAtPeriodEnd("cus_1")).isEqualTo(2);
    stripe.verify(postRequestedFor(urlPathEqualTo("/v1/subscriptions/sub_1"))
        .withRequestBody(equalTo("cancel_at_period_end=true")));
    assertThat(provider.resume("cus_1")).isTrue();
    stripe.verify(postRequestedFor(urlPathEqualTo("/v1/subscriptions/sub_2"))
        .withRequestBody(equalTo("cancel_at_period_end=false")));
  }

  @Test
  void rateLimitsServerErrorsTimeOutsAndMalformedBodiesAreUpstreamFailures() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/customers/cus_429"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\",\"message\":\"Too many\"}}")));
    stripe.stubFor(get(urlPathEqualTo("/v1/customers/cus_500"))
        .willReturn(aResponse()
            .withStatus(500)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));
    stripe.stubFor(get(urlPathEqualTo("/v1/customers/cus_slow"))
        .willReturn(okJson("{\"id\":\"cus_slow\"}").withFixedDelay(3_000)));
    stripe.stubFor(get(urlPathEqualTo("/v1/customers/cus_bad"))
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("<html>")));

    assertThatThrownBy(() -> provider.customerEmail("cus_429"))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isTrue());
    assertThatThrownBy(() -> provider.customerEmail("cus_500"))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isTrue());
    StripeBillingProvider impatient = new StripeBillingProvider(
        "sk_test_123",
        SECRET,
        stripe.baseUrl(),
        Duration.ofMillis(500),
        0,
        Clock.fixed(NOW, ZoneOffset.UTC));
    assertThatThrownBy(() -> impatient.customerEmail("cus_slow"))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isTrue());
    assertThatThrownBy(() -> provider.customerEmail("cus_bad"))
        .isInstanceOf(UpstreamFailureException.class);
  }
}
