package io.khoj4j.bootstrap.usage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Billing on ({@link BillingOn}: Stripe key, signing secret and subscription URL set): a new account is expired and on
 * the free tier,
 * an administrator's trial or paid period makes it premium, and the settings report it as Khoj's web app reads it.
 */
@QuarkusTest
@TestProfile(BillingOn.class)
class BillingTierIT {

  private TestUser admin;

  @BeforeEach
  void noModel() {
    admin = TestUsers.createAdmin();
    FakeOpenAi.removeAllModels(admin);
  }

  private static Response chat(TestUser user, String q) {
    return user.request().contentType("application/json").body(Map.of("q", q)).post("/api/chat");
  }

  private Response setSubscription(TestUser by, String userId, String json) {
    return by.request()
        .contentType("application/json")
        .body(json)
        .put("/api/admin/users/" + userId + "/subscription");
  }

  /** A chat model of a price tier, reached through a local OpenAI-compatible API (never called here). */
  private long chatModel(String tier) {
    String api = admin.created(
        "/api/admin/model-apis",
        Map.of("name", "local-" + UUID.randomUUID(), "base_url", "http://localhost:11434/v1"));
    String name = tier + "-" + UUID.randomUUID();
    return Long.parseLong(admin.created(
        "/api/admin/chat-models",
        Map.of(
            "name", name,
            "friendly_name", name,
            "model_type", "openai",
            "ai_model_api_id", api,
            "price_tier", tier)));
  }

  @Test
  void aFreeUserCannotSwitchToAPaidChatModelAndAPremiumOneCan() {
    long free = chatModel("free");
    long paid = chatModel("standard");
    TestUser user = TestUsers.create();

    user.request()
        .queryParam("id", paid)
        .post("/api/model/chat")
        .then()
        .statusCode(403)
        .body("status", equalTo("error"))
        .body("message", equalTo("Subscribe to switch to this chat model"));
    user.request().queryParam("id", free).post("/api/model/chat").then().statusCode(200);
    user.request().get("/api/model/chat").then().body("id", equalTo((int) free));

    setSubscription(admin, user.id().toString(), "{\"type\":\"trial\"}").then().statusCode(200);
    user.request()
        .queryParam("id", paid)
        .post("/api/model/chat")
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"));
    user.request().get("/api/model/chat").then().body("id", equalTo((int) paid));
  }

  @Test
  void aNewAccountIsExpiredAndNotPremium() {
    TestUser user = TestUsers.create();

    user.request()
        .get("/api/settings?detailed=true")
        .then()
        .statusCode(200)
        .body("subscription_state", equalTo("expired"))
        .body("is_active", equalTo(false))
        .body("billing_enabled", equalTo(true))
        .body("khoj_cloud_subscription_url", equalTo("https://pay.example/subscribe"))
        .body("subscription_renewal_date", nullValue())
        .body("length_of_free_trial", equalTo(7));
    user.request().get("/api/v1/user").then().statusCode(200).body("is_active", equalTo(false));
  }

  @Test
  void aFreeUserPastTheDailyLimitIsToldTheyMaySubscribe() {
    TestUser user = TestUsers.create();
    chat(user, "one").then().statusCode(200);
    chat(user, "two").then().statusCode(200);

    chat(user, "three")
        .then()
        .statusCode(429)
        .body(
            "detail",
            equalTo(
                "I'm glad you're enjoying interacting with"
                    + " me! You've unfortunately exceeded your usage limit for today. You can subscribe to increase your usage"
                    + " limit via [your settings](https://pay.example/subscribe) or we can continue our conversation tomorrow?"));
  }

  @Test
  void anAdministratorsTrialMakesTheUserPremium() {
    TestUser user = TestUsers.create();
    chat(user, "one").then().statusCode(200);
    chat(user, "two").then().statusCode(200);

    setSubscription(admin, user.id().toString(), "{\"type\":\"trial\"}")
        .then()
        .statusCode(200)
        .body("state", equalTo("trial"))
        .body("premium", equalTo(true));

    user.request()
        .get("/api/settings?detailed=true")
        .then()
        .body("subscription_state", equalTo("trial"))
        .body("is_active", equalTo(true))
        .body("subscription_enabled_trial_at", matchesPattern("\\d{2} [A-Z][a-z]{2} \\d{4}"))
        .body("subscription_renewal_date", matchesPattern("\\d{2} [A-Z][a-z]{2} \\d{4}"));
    chat(user, "three").then().statusCode(200);
  }

  @Test
  void aPaidPeriodAndItsCancellationShowAsSubscribedThenUnsubscribed() {
    TestUser user = TestUsers.create();
    setSubscription(
            admin,
            user.id().toString(),
            "{\"type\":\"standard\",\"is_recurring\":true,\"renewal_date\":\"2099-03-07T00:00:00Z\"}")
        .then()
        .statusCode(200)
        .body("state", equalTo("subscribed"));
    user.request()
        .get("/api/settings?detailed=true")
        .then()
        .body("subscription_state", equalTo("subscribed"))
        .body("subscription_renewal_date", equalTo("07 Mar 2099"));

    setSubscription(
            admin,
            user.id().toString(),
            "{\"type\":\"standard\",\"is_recurring\":false,\"renewal_date\":\"2099-03-07T00:00:00Z\"}")
        .then()
        .statusCode(200)
        .body("state", equalTo("unsubscribed"))
        .body("premium", equalTo(true));
    setSubscription(admin, user.id().toString(), "{\"type\":\"standard\"}")
        .then()
        .statusCode(200)
        .body("state", equalTo("expired"))
        .body("premium", equalTo(false));
  }

  @Test
  void onlyAdministratorsSetSubscriptionsAndBadInputChangesNothing() {
    TestUser user = TestUsers.create();
    String id = user.id().toString();

    setSubscription(user, id, "{\"type\":\"trial\"}").then().statusCode(403);
    setSubscription(admin, id, "{\"type\":\"gold\"}")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("type"));
    setSubscription(admin, id, "{\"type\":\"standard\",\"renewal_date\":\"next week\"}")
        .then()
        .statusCode(422);
    setSubscription(admin, id, "{\"type\":\"trial\",\"is_recurring\":true}")
        .then()
        .statusCode(422)
        .body("detail", containsString("trial"));
    setSubscription(admin, id, "{}").then().statusCode(422);
    setSubscription(admin, UUID.randomUUID().toString(), "{\"type\":\"trial\"}")
        .then()
        .statusCode(404);
    setSubscription(admin, "not-a-uuid", "{\"type\":\"trial\"}").then().statusCode(404);

    user.request()
        .get("/api/settings?detailed=true")
        .then()
        .body("subscription_state", equalTo("expired"));
  }
}
