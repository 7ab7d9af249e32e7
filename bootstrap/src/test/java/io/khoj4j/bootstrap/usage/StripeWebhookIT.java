package io.khoj4j.bootstrap.usage;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.khoj4j.bootstrap.testing.StripeSignatures;
import io.khoj4j.bootstrap.testing.StripeStub;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stripe calls us: events signed with the test secret, against a local stub of Stripe's API ({@link BillingOn}). */
@QuarkusTest
@TestProfile(BillingOn.class)
class StripeWebhookIT {

  private static final long PERIOD_END = Instant.parse("2099-05-01T00:00:00Z").getEpochSecond();

  /** A Stripe customer for the user, with one subscription whose period ends in 2099. */
  private static String customerFor(TestUser user) {
    String customer = "cus_" + UUID.randomUUID().toString().substring(0, 8);
    StripeStub.server.stubFor(get(urlPathEqualTo("/v1/customers/" + customer))
        .willReturn(okJson("{\"id\":\"" + customer + "\",\"object\":\"customer\",\"email\":\""
            + user.email() + "\"}")));
    StripeStub.server.stubFor(get(urlPathEqualTo("/v1/subscriptions"))
        .withQueryParam(
            "customer", com.github.tomakehurst.wiremock.client.WireMock.equalTo(customer))
        .willReturn(
            okJson("{\"object\":\"list\",\"data\":[{\"id\":\"sub_" + customer + "\",\"customer\":\""
                + customer
                + "\",\"cancel_at_period_end\":false,\"items\":{\"data\":[{\"current_period_end\":"
                + PERIOD_END + "}]}}]}")));
    StripeStub.server.stubFor(get(urlPathEqualTo("/v1/customers"))
        .withQueryParam(
            "email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(user.email()))
        .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"" + customer + "\"}]}")));
    StripeStub.server.stubFor(post(urlPathEqualTo("/v1/subscriptions/sub_" + customer))
        .willReturn(okJson("{\"id\":\"sub_" + customer + "\"}")));
    return customer;
  }

  private static String event(
      String id, String type, String customer, String product, boolean cancel) {
    String items = "{\"data\":[{\"current_period_end\":" + PERIOD_END + ",\"price\":{\"product\":\""
        + product + "\"}}]}";
    return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type
        + "\",\"data\":{\"object\":{"
        + "\"customer\":\"" + customer + "\",\"cancel_at_period_end\":" + cancel + ",\"items\":"
        + items
        + ",\"lines\":" + items + "}}}";
  }

  private static Response send(String payload) {
    return send(
        payload,
        StripeSignatures.header(
            payload, StripeStub.SIGNING_SECRET, Instant.now().getEpochSecond()));
  }

  private static Response send(String payload, String signature) {
    return given()
        .contentType("application/json; charset=utf-8")
        .header("stripe-signature", signature)
        .body(payload)
        .post("/api/subscription");
  }

  private static String state(TestUser user) {
    return user.request()
        .get("/api/settings?detailed=true")
        .jsonPath()
        .getString("subscription_state");
  }

  private static String id() {
    return "evt_" + UUID.randomUUID();
  }

  @Test
  void aPaidInvoiceSubscribesTheCustomersAccountUntilThePeriodEnds() {
    TestUser user = TestUsers.create();
    String customer = customerFor(user);

    send(event(id(), "invoice.paid", customer, StripeStub.PRODUCT, false))
        .then()
        .statusCode(200)
        .body("success", equalTo(true));

    user.request()
        .get("/api/settings?detailed=true")
        .then()
        .body("subscription_state", equalTo("subscribed"))
        .body("subscription_renewal_date", equalTo("01 May 2099"))
        .body("is_active", equalTo(true));
  }

  @Test
  void cancellingAtThePeriodsEndThenDeletionWalkTheStates() {
    TestUser user = TestUsers.create();
    String customer = customerFor(user);
    send(event(id(), "invoice.paid", customer, StripeStub.PRODUCT, false))
        .then()
        .statusCode(200);

    send(event(id(), "customer.subscription.updated", customer, StripeStub.PRODUCT, true))
        .then()
        .body("success", equalTo(true));
    org.assertj.core.api.Assertions.assertThat(state(user)).isEqualTo("unsubscribed");
    send(event(id(), "customer.subscription.deleted", customer, StripeStub.PRODUCT, false))
        .then()
        .body("success", equalTo(true));
    org.assertj.core.api.Assertions.assertThat(state(user)).isEqualTo("expired");
  }

  @Test
  void aReplayedEventChangesNothing() {
    TestUser user = TestUsers.create();
    String customer = customerFor(user);
    String paid = event(id(), "invoice.paid", customer, StripeStub.PRODUCT, false);
    send(paid).then().statusCode(200);
    send(event(id(), "customer.subscription.deleted", customer, StripeStub.PRODUCT, false))
        .then()
        .statusCode(200);

    send(paid).then().statusCode(200).body("success", equalTo(true));

    org.assertj.core.api.Assertions.assertThat(state(user)).isEqualTo("expired");
  }

  @Test
  void aTamperedOrUnsignedEventIs400AndChangesNothing() {
    TestUser user = TestUsers.create();
    String customer = customerFor(user);
    String payload = event(id(), "invoice.paid", customer, StripeStub.PRODUCT, false);
    String signature = StripeSignatures.header(
        payload, StripeStub.SIGNING_SECRET, Instant.now().getEpochSecond());

    send(payload.replace(StripeStub.PRODUCT, "prod_other"), signature)
        .then()
        .statusCode(400)
        .body("detail", equalTo("Invalid Stripe signature"));
    send(payload, StripeSignatures.header(payload, "whsec_wrong", Instant.now().getEpochSecond()))
        .then()
        .statusCode(400);
    given()
        .contentType("application/json")
        .body(payload)
        .post("/api/subscription")
        .then()
        .statusCode(400)
        .body("detail", equalTo("The stripe-signature header is missing"));
    send("{broken").then().statusCode(400).body("detail", equalTo("Invalid Stripe event"));

    org.assertj.core.api.Assertions.assertThat(state(user)).isEqualTo("expired");
  }

  @Test
  void anotherProductsOrAnotherKindsEventIsIgnored() {
    TestUser user = TestUsers.create();
    String customer = customerFor(user);

    send(event(id(), "invoice.paid", customer, "prod_other", false))
        .then()
        .statusCode(200)
        .body("success", equalTo(false));
    send(event(id(), "charge.succeeded", customer, StripeStub.PRODUCT, false))
        .then()
        .statusCode(200)
        .body("success", equalTo(false));

    org.assertj.core.api.Assertions.assertThat(state(user)).isEqualTo("expired");
  }

  @Test
  void aUserCancelsAndResubscribesThroughStripe() {
    TestUser user = TestUsers.create();
    String customer = customerFor(user);

    user.request()
        .patch("/api/subscription?operation=cancel")
        .then()
        .statusCode(200)
        .body("success", equalTo(true));
    StripeStub.server.verify(postRequestedFor(urlPathEqualTo("/v1/subscriptions/sub_" + customer))
        .withRequestBody(
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("cancel_at_period_end=true")));
    user.request()
        .patch("/api/subscription?operation=resubscribe")
        .then()
        .statusCode(200)
        .body("success", equalTo(false))
        .body("message", equalTo("No subscription found that is set to cancel"));
    user.request()
        .patch("/api/subscription?operation=pause")
        .then()
        .statusCode(200)
        .body("success", equalTo(false))
        .body("message", equalTo("Invalid operation"));
    given().patch("/api/subscription?operation=cancel").then().statusCode(403);
  }

  @Test
  void aUserWithoutStripeCustomerIsTold() {
    TestUser user = TestUsers.create();
    StripeStub.server.stubFor(get(urlPathEqualTo("/v1/customers"))
        .withQueryParam(
            "email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(user.email()))
        .willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));

    user.request()
        .patch("/api/subscription?operation=cancel")
        .then()
        .statusCode(200)
        .body("success", equalTo(false))
        .body("message", equalTo("Customer not found"));
  }
}
