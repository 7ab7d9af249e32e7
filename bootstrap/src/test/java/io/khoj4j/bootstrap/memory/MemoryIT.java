package io.khoj4j.bootstrap.memory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Memories: a fact noted by the (stub) chat model after one conversation's turn is in a later conversation's prompt,
 * only for its owner, and no longer once deleted; the {@code /api/memories} routes and the switch.
 */
@QuarkusTest
class MemoryIT {

  private static FakeOpenAi openAi;

  @BeforeAll
  static void start() {
    openAi = new FakeOpenAi().start();
  }

  @AfterAll
  static void stop() {
    openAi.stop();
  }

  private static void script() {
    openAi.configureAsDefault(TestUsers.createAdmin());
    openAi.script("Noted.", "Tea", "tea");
    // the first exchange about tea reveals a fact; any other exchange reveals nothing
    openAi.remembers("brewed genmaicha", "The user's favourite tea is genmaicha.");
  }

  private static void chat(TestUser user, String q) {
    user.request()
        .contentType(ContentType.JSON)
        .body(Map.of("q", q, "create_new", true, "stream", false))
        .post("/api/chat")
        .then()
        .statusCode(200);
  }

  private static List<String> modelRequests() {
    return openAi.server.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .map(r -> r.getBodyAsString())
        .toList();
  }

  @Test
  void aNotedFactReachesALaterConversationOfItsOwnerUntilDeleted() {
    script();
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    for (TestUser u : List.of(alice, bob)) {
      u.request()
          .queryParam("enable_memory", "true")
          .patch("/api/user/memory")
          .then()
          .statusCode(200)
          .body("status", equalTo("ok"))
          .body("enable_memory", equalTo(true));
    }

    chat(alice, "/general I just brewed genmaicha again, it is my favourite tea");
    long id = ((Number) alice
            .request()
            .get("/api/memories")
            .then()
            .statusCode(200)
            .body("$", hasSize(1))
            .body("[0].raw", equalTo("The user's favourite tea is genmaicha."))
            .extract()
            .path("[0].id"))
        .longValue();

    openAi.server.resetRequests();
    chat(alice, "/general What is my favourite tea?");
    assertThat(modelRequests())
        .anySatisfy(body -> assertThat(body)
            .contains("What you remember about me", "The user's favourite tea is genmaicha."));

    openAi.server.resetRequests();
    chat(bob, "/general What is my favourite tea?");
    assertThat(modelRequests())
        .isNotEmpty()
        .noneSatisfy(body -> assertThat(body).contains("genmaicha"));
    bob.request().get("/api/memories").then().statusCode(200).body("$", empty());
    bob.request()
        .delete("/api/memories/" + id)
        .then()
        .statusCode(404)
        .body("error", equalTo("Memory not found"));

    alice.request().delete("/api/memories/" + id).then().statusCode(204);
    openAi.server.resetRequests();
    chat(alice, "/general What is my favourite tea?");
    assertThat(modelRequests())
        .isNotEmpty()
        .noneSatisfy(body -> assertThat(body).contains("genmaicha"));
    alice.request().get("/api/memories").then().body("$", empty());
  }

  @Test
  void memoriesAreEditedAsANewMemoryAndBadEditsChangeNothing() {
    script();
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    alice
        .request()
        .queryParam("enable_memory", "true")
        .patch("/api/user/memory")
        .then()
        .statusCode(200);
    chat(alice, "/general I brewed genmaicha, the best tea");
    long id =
        ((Number) alice.request().get("/api/memories").then().extract().path("[0].id")).longValue();

    long edited = ((Number) alice
            .request()
            .contentType(ContentType.JSON)
            .body(Map.of("raw", "The user loves sencha."))
            .put("/api/memories/" + id)
            .then()
            .statusCode(200)
            .body("raw", equalTo("The user loves sencha."))
            .extract()
            .path("id"))
        .longValue();

    assertThat(edited).isNotEqualTo(id);
    alice
        .request()
        .contentType(ContentType.JSON)
        .body(Map.of("raw", " "))
        .put("/api/memories/" + edited)
        .then()
        .statusCode(400)
        .body("error", equalTo("Missing required field 'raw'"));
    bob.request()
        .contentType(ContentType.JSON)
        .body(Map.of("raw", "Bob was here"))
        .put("/api/memories/" + edited)
        .then()
        .statusCode(404)
        .body("error", equalTo("Memory not found"));
    alice
        .request()
        .contentType(ContentType.JSON)
        .body(Map.of("raw", "x"))
        .put("/api/memories/abc")
        .then()
        .statusCode(422);
    alice.request().delete("/api/memories/" + id).then().statusCode(404);
    alice
        .request()
        .get("/api/memories")
        .then()
        .body("raw", equalTo(List.of("The user loves sencha.")))
        .body("[0].created_at", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void theSwitchShowsInSettingsAndBadValuesAre422() {
    TestUser alice = TestUsers.create();
    alice
        .request()
        .queryParam("detailed", "true")
        .get("/api/settings")
        .then()
        .statusCode(200)
        .body("enable_memory", equalTo(false))
        .body("server_memory_mode", equalTo("enabled_default_off"));

    alice
        .request()
        .queryParam("enable_memory", "true")
        .patch("/api/user/memory")
        .then()
        .statusCode(200);
    alice
        .request()
        .queryParam("detailed", "true")
        .get("/api/settings")
        .then()
        .body("enable_memory", equalTo(true));
    alice
        .request()
        .queryParam("enable_memory", "maybe")
        .patch("/api/user/memory")
        .then()
        .statusCode(422);
    alice.request().patch("/api/user/memory").then().statusCode(422);
    alice
        .request()
        .queryParam("detailed", "true")
        .get("/api/settings")
        .then()
        .body("enable_memory", equalTo(true));
  }

  @Test
  void memoryRoutesNeedAUser() {
    given().get("/api/memories").then().statusCode(403).body("detail", equalTo("Forbidden"));
    given().delete("/api/memories/1").then().statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body("{\"raw\":\"x\"}")
        .put("/api/memories/1")
        .then()
        .statusCode(403);
    given().queryParam("enable_memory", "true").patch("/api/user/memory").then().statusCode(403);
  }
}
