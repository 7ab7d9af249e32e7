package io.khoj4j.bootstrap.automation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AutomationApiIT {

  private static FakeOpenAi openAi;
  private static TestUser admin;
  private TestUser alice;
  private TestUser bob;

  @Inject
  DataSource dataSource;

  @BeforeEach
  void setUp() {
    if (openAi == null) {
      openAi = new FakeOpenAi().start();
      admin = TestUsers.createAdmin();
    }
    openAi.configureAsDefault(admin);
    alice = TestUsers.create();
    bob = TestUsers.create();
  }

  @AfterAll
  static void tearDown() {
    if (openAi != null) {
      openAi.stop();
    }
  }

  private static RequestSpecification create(TestUser user, Map<String, String> params) {
    RequestSpecification request = user.request();
    params.forEach(request::queryParam);
    return request;
  }

  private String createDaily(TestUser user, String q) {
    return create(user, Map.of("q", q, "crontime", "0 9 * * *", "timezone", "Europe/Berlin"))
        .post("/api/automation")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  @Test
  void createdAutomationsAreListedWithKhojsMetadata() {
    alice.request().get("/api/automation").then().statusCode(200).body("$", empty());

    create(
            alice,
            Map.of(
                "q",
                "summarise my notes on tea",
                "crontime",
                "0 9 * * 1",
                "subject",
                "Tea digest",
                "timezone",
                "Europe/Berlin"))
        .post("/api/automation")
        .then()
        .statusCode(200)
        .body("id", notNullValue())
        .body("subject", equalTo("Tea digest"))
        .body("query_to_run", equalTo("/automated_task summarise my notes on tea"))
        .body("scheduling_request", equalTo("summarise my notes on tea"))
        .body("crontime", equalTo("0 9 * * 1"))
        .body("schedule", containsString("Monday"))
        .body("schedule", matchesPattern(".* CES?T$"))
        .body("next", matchesPattern("\\d{4}-\\d{2}-\\d{2} 09:00 AM CES?T"));

    alice
        .request()
        .get("/api/automation")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].subject", equalTo("Tea digest"));
    // Its conversation is the user's, titled after the subject.
    alice
        .request()
        .get("/api/chat/sessions")
        .then()
        .statusCode(200)
        .body("find { it.slug == 'Automation: Tea digest' }", notNullValue());
  }

  @Test
  void aCityGivesTheZoneAndNoPlaceMeansUtc() {
    create(alice, Map.of("q", "news", "crontime", "0 7 * * *", "city", "New York"))
        .post("/api/automation")
        .then()
        .statusCode(200)
        .body("next", matchesPattern(".* 07:00 AM E[SD]T"));
    create(alice, Map.of("q", "weather", "crontime", "0 7 * * *"))
        .post("/api/automation")
        .then()
        .statusCode(200)
        .body("next", endsWith("07:00 AM UTC"));
  }

  @Test
  void aSubjectIsDerivedFromTheQuestionWhenNoneIsGiven() {
    create(alice, Map.of("q", "what changed in my rust notes this week", "crontime", "0 18 * * 5"))
        .post("/api/automation")
        .then()
        .statusCode(200)
        .body("subject", equalTo("what changed in my rust notes this week"));
  }

  @Test
  void badInputIsAClearFourHundredAndNothingIsStored() {
    record Case(Map<String, String> params, String detail) {}
    List<Case> cases = List.of(
        new Case(Map.of("crontime", "0 9 * * *"), "A query and crontime is required"),
        new Case(Map.of("q", "news"), "A query and crontime is required"),
        new Case(Map.of("q", "news", "crontime", "0 9 * *"), "Invalid crontime"),
        new Case(
            Map.of("q", "news", "crontime", "*/5 * * * *"),
            "Minute level recurrence is unsupported"),
        new Case(Map.of("q", "news", "crontime", "0 25 * * *"), "Invalid crontime"),
        new Case(
            Map.of("q", "news", "crontime", "0 9 * * 1", "timezone", "Mars/Olympus_Mons"),
            "Unknown time zone"),
        new Case(
            Map.of("q", "news", "crontime", "0 9 * * 1", "subject", "s".repeat(201)),
            "subject is longer"));
    for (Case c : cases) {
      create(alice, c.params())
          .post("/api/automation")
          .then()
          .statusCode(400)
          .body("detail", containsString(c.detail()));
    }
    alice.request().get("/api/automation").then().body("$", empty());
  }

  @Test
  void updatingChangesScheduleAndZoneButKeepsTheId() {
    String id = createDaily(alice, "news on rust");

    create(
            alice,
            Map.of(
                "automation_id",
                id,
                "q",
                "news on go",
                "subject",
                "Go",
                "crontime",
                "30 7 * * 1-5",
                "timezone",
                "America/New_York"))
        .put("/api/automation")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("subject", equalTo("Go"))
        .body("crontime", equalTo("30 7 * * 1-5"))
        .body("query_to_run", equalTo("/automated_task news on go"))
        .body("next", matchesPattern(".* 07:30 AM E[SD]T"));

    create(
            alice,
            Map.of(
                "automation_id", id, "q", "news on go", "subject", "Go", "crontime", "* * * * *"))
        .put("/api/automation")
        .then()
        .statusCode(400);
    alice.request().get("/api/automation").then().body("[0].crontime", equalTo("30 7 * * 1-5"));
  }

  @Test
  void deletingAnswersTheDeletedOneThenNothing() {
    String id = createDaily(alice, "news on rust");

    alice
        .request()
        .queryParam("automation_id", id)
        .delete("/api/automation")
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    alice
        .request()
        .queryParam("automation_id", id)
        .delete("/api/automation")
        .then()
        .statusCode(204);
    alice.request().get("/api/automation").then().body("$", empty());
    assertThat(scheduledRuns(id)).isZero();
  }

  @Test
  void everyRouteNeedsASignedInUser() {
    given().get("/api/automation").then().statusCode(403);
    given()
        .queryParam("q", "x")
        .queryParam("crontime", "0 9 * * *")
        .post("/api/automation")
        .then()
        .statusCode(403);
    given().queryParam("automation_id", "x").delete("/api/automation").then().statusCode(403);
    given()
        .queryParam("automation_id", "x")
        .post("/api/automation/trigger")
        .then()
        .statusCode(403);
  }

  @Test
  void bobCannotSeeEditTriggerOrDeleteAlicesAutomation() {
    String id = createDaily(alice, "news on rust");

    bob.request().get("/api/automation").then().statusCode(200).body("$", empty());
    create(
            bob,
            Map.of("automation_id", id, "q", "mine now", "subject", "x", "crontime", "0 9 * * *"))
        .put("/api/automation")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Invalid automation"));
    bob.request()
        .queryParam("automation_id", id)
        .post("/api/automation/trigger")
        .then()
        .statusCode(403);
    bob.request()
        .queryParam("automation_id", id)
        .delete("/api/automation")
        .then()
        .statusCode(204);

    alice
        .request()
        .get("/api/automation")
        .then()
        .body("[0].id", equalTo(id))
        .body("[0].query_to_run", equalTo("/automated_task news on rust"));
    assertThat(scheduledRuns(id)).isEqualTo(1);
  }

  @Test
  void aTriggeredRunIsAChatTurnInTheAutomationsConversationAndTheScheduleGoesOn() throws Exception {
    openAi.script("Rust 1.90 shipped; nothing in your notes.", "Rust news", "rust release");
    String id = createDaily(alice, "news on rust");
    String conversation = alice
        .request()
        .get("/api/chat/sessions")
        .then()
        .extract()
        .path("find { it.slug == 'Automation: news on rust' }.conversation_id");

    alice
        .request()
        .queryParam("automation_id", id)
        .post("/api/automation/trigger")
        .then()
        .statusCode(200)
        .body(equalTo("Automation triggered"));

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<String> messages = List.of();
    while (messages.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      List<String> found = alice
          .request()
          .queryParam("conversation_id", conversation)
          .get("/api/chat/history")
          .then()
          .statusCode(200)
          .extract()
          .path("response.chat.message");
      messages = found == null ? List.of() : found;
    }
    assertThat(messages)
        .containsExactly("news on rust", "Rust 1.90 shipped; nothing in your notes.");
    // The next run is tomorrow's (or today's) 09:00 in Berlin again, not now.
    assertThat(scheduledRuns(id)).isEqualTo(1);
    alice
        .request()
        .get("/api/automation")
        .then()
        .body("[0].next", matchesPattern(".* 09:00 AM CES?T"));
  }

  @Test
  void deletingTheConversationDeletesItsAutomation() {
    createDaily(alice, "news on rust");
    String conversation = alice
        .request()
        .get("/api/chat/sessions")
        .then()
        .extract()
        .path("find { it.slug == 'Automation: news on rust' }.conversation_id");

    alice
        .request()
        .queryParam("conversation_id", conversation)
        .delete("/api/chat/history")
        .then()
        .statusCode(200);

    alice.request().get("/api/automation").then().body("$", empty());
  }

  private long scheduledRuns(String automationId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "select count(*) from scheduled_tasks where task_name = 'automation-run' and task_instance = ?")) {
      select.setString(1, automationId);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
