package io.khoj4j.bootstrap.automation;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chat message that asks for something done on a schedule creates an automation, as {@code POST /api/automation}
 * would, in the time zone of the chat request: the model chose the automation form, then wrote the schedule.
 */
@QuarkusTest
class AutomationFromChatIT {

  private static FakeOpenAi openAi;
  private static TestUser admin;

  @BeforeEach
  void setUp() {
    if (openAi == null) {
      openAi = new FakeOpenAi().start();
      admin = TestUsers.createAdmin();
    }
    openAi.configureAsDefault(admin);
    openAi.script("not used", "Solar news");
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("Decide where the answer"))
        .willReturn(FakeOpenAi.stream("{\"source\": [\"general\"], \"output\": \"automation\"}")));
  }

  @AfterAll
  static void tearDown() {
    if (openAi != null) {
      openAi.stop();
    }
  }

  private void modelSchedules(String crontime) {
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("Turn the request into a schedule"))
        .willReturn(FakeOpenAi.stream(
            "{\"crontime\": \"" + crontime + "\", \"query\": \"Summarise the news on "
                + "solar power\", \"subject\": \"Solar news\"}")));
  }

  private static JsonPath chat(TestUser user, String q) {
    return user.request()
        .contentType("application/json")
        .body(Map.of("q", q, "stream", false, "timezone", "America/New_York", "city", "New York"))
        .post("/api/chat")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aScheduledRequestInChatCreatesTheOwnersAutomationInTheirZone() {
    modelSchedules("0 8 * * 1-5");
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();

    JsonPath answer = chat(alice, "every weekday at 8 send me the news on solar power");

    assertThat(answer.getString("response"))
        .contains("**Solar news**")
        .contains("Summarise the news on solar power");
    List<Map<String, Object>> automations = alice
        .request()
        .get("/api/automation")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
    assertThat(automations).singleElement().satisfies(a -> {
      assertThat(a)
          .containsEntry("crontime", "0 8 * * 1-5")
          .containsEntry("subject", "Solar news")
          .containsEntry("query_to_run", "/automated_task Summarise the news on solar power");
      assertThat((String) a.get("schedule")).endsWith("EST");
    });
    String conversationId = answer.getString("conversationId");
    JsonPath history = alice
        .request()
        .queryParam("conversation_id", conversationId)
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
    assertThat(history.getString("response.chat[1].automationId"))
        .isEqualTo(automations.get(0).get("id"));
    assertThat(history.getString("response.chat[1].intent.type")).isEqualTo("automation");
    bob.request().get("/api/automation").then().statusCode(200).body("$", empty());
    // The schedule was written for the request's zone and the answer streamed no notes or tools.
    openAi.server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("America/New_York"))
        .withRequestBody(containing("Turn the request")));
  }

  @Test
  void aScheduleMoreOftenThanHourlyIsExplainedAndNothingIsCreated() {
    modelSchedules("*/10 * * * *");
    TestUser alice = TestUsers.create();

    JsonPath answer = chat(alice, "every ten minutes tell me the solar news");

    assertThat(answer.getString("response")).startsWith("I could not set up that automation:");
    alice.request().get("/api/automation").then().statusCode(200).body("$", hasSize(0));
    alice
        .request()
        .queryParam("conversation_id", answer.getString("conversationId"))
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat", hasSize(2))
        .body("response.chat[1].automationId", equalTo(null));
  }
}
