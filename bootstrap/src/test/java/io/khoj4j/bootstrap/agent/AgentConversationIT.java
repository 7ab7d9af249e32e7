package io.khoj4j.bootstrap.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/agents/conversation} and {@code POST|PATCH /api/agents/hidden}: a conversation's own agent. */
@QuarkusTest
class AgentConversationIT {

  private static String agent(TestUser creator, String name, String privacy) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("persona", "Answer like a patient tutor.");
    body.put("privacy_level", privacy);
    body.put("icon", "Student");
    body.put("color", "teal");
    body.put("chat_model", null);
    body.put("files", List.of());
    body.put("input_tools", List.of("notes"));
    body.put("output_modes", List.of("diagram"));
    return creator
        .request()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/agents")
        .then()
        .statusCode(200)
        .extract()
        .path("slug");
  }

  private static String session(TestUser user, String agentSlug) {
    var request = user.request();
    if (agentSlug != null) {
      request = request.queryParam("agent_slug", agentSlug);
    }
    return request
        .post("/api/chat/sessions")
        .then()
        .statusCode(200)
        .extract()
        .path("conversation_id");
  }

  private static Map<String, Object> hidden(
      String slug, String persona, String model, List<String> tools) {
    Map<String, Object> body = new HashMap<>();
    body.put("slug", slug);
    body.put("persona", persona);
    body.put("chat_model", model);
    body.put("input_tools", tools);
    body.put("output_modes", List.of());
    return body;
  }

  @Test
  void aConversationsAgentIsReportedWithWhatTheCallerMayKnow() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String tutor = agent(alice, "Tutor " + System.nanoTime(), "public");

    alice
        .request()
        .queryParam("conversation_id", session(alice, tutor))
        .get("/api/agents/conversation")
        .then()
        .statusCode(200)
        .body("slug", equalTo(tutor))
        .body("persona", equalTo("Answer like a patient tutor."))
        .body("privacy_level", equalTo("public"))
        .body("managed_by_admin", equalTo(false))
        .body("has_files", equalTo(false))
        .body("input_tools", contains("notes"))
        .body("output_modes", contains("diagram"))
        .body("is_creator", equalTo(true))
        .body("is_hidden", equalTo(false))
        .body(
            "creator",
            equalTo(alice.request().get("/api/v1/user").then().extract().path("username")));
    bob.request()
        .queryParam("conversation_id", session(bob, tutor))
        .get("/api/agents/conversation")
        .then()
        .statusCode(200)
        .body("slug", equalTo(tutor))
        .body("is_creator", equalTo(false))
        .body("creator", nullValue());
    bob.request()
        .queryParam("conversation_id", session(bob, null))
        .get("/api/agents/conversation")
        .then()
        .statusCode(200)
        .body("slug", equalTo("khoj"))
        .body("managed_by_admin", equalTo(true));
  }

  @Test
  void anotherUsersConversationIsNotFoundAndBadInputIsRefused() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String conversation = session(alice, null);

    bob.request()
        .queryParam("conversation_id", conversation)
        .get("/api/agents/conversation")
        .then()
        .statusCode(404)
        .body("error", equalTo("Conversation with id " + conversation + " not found."));
    bob.request().get("/api/agents/conversation").then().statusCode(422);
    bob.request()
        .queryParam("conversation_id", "not-a-uuid")
        .get("/api/agents/conversation")
        .then()
        .statusCode(422);
    given()
        .queryParam("conversation_id", conversation)
        .get("/api/agents/conversation")
        .then()
        .statusCode(403);
  }

  @Test
  void aHiddenAgentCustomisesOneConversationAndIsNeverListed() {
    TestUser alice = TestUsers.create();
    String conversation = session(alice, null);

    String slug = alice
        .request()
        .contentType(ContentType.JSON)
        .queryParam("conversation_id", conversation)
        .body(hidden(null, "Answer in haiku.", null, List.of("general")))
        .post("/api/agents/hidden")
        .then()
        .statusCode(200)
        .body("name", matchesPattern("[a-z]+_[a-z]+\\d{4}"))
        .body("persona", equalTo("Answer in haiku."))
        .body("input_tools", contains("general"))
        .body("chat_model", nullValue())
        .extract()
        .path("slug");

    alice
        .request()
        .queryParam("conversation_id", conversation)
        .get("/api/agents/conversation")
        .then()
        .body("slug", equalTo(slug))
        .body("is_hidden", equalTo(true))
        .body("privacy_level", equalTo("private"))
        .body("color", equalTo("blue"))
        .body("icon", equalTo("Lightbulb"));
    alice
        .request()
        .queryParam("conversation_id", conversation)
        .get("/api/chat/history")
        .then()
        .body("response.agent.slug", equalTo(slug));
    alice.request().get("/api/agents").then().body("slug", not(hasItem(slug)));

    alice
        .request()
        .contentType(ContentType.JSON)
        .body(hidden(slug, "Answer in limericks.", null, List.of("notes")))
        .patch("/api/agents/hidden")
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug))
        .body("persona", equalTo("Answer in limericks."))
        .body("input_tools", contains("notes"));
    alice
        .request()
        .queryParam("conversation_id", conversation)
        .get("/api/agents/conversation")
        .then()
        .body("persona", equalTo("Answer in limericks."));
  }

  @Test
  void aConversationWithAnAgentAlreadyIsRefusedAHiddenOne() {
    TestUser alice = TestUsers.create();
    String tutor = agent(alice, "Tutor " + System.nanoTime(), "private");
    String conversation = session(alice, tutor);

    alice
        .request()
        .contentType(ContentType.JSON)
        .queryParam("conversation_id", conversation)
        .body(hidden(null, "Answer in haiku.", null, List.of()))
        .post("/api/agents/hidden")
        .then()
        .statusCode(400)
        .body(
            "error",
            equalTo(
                "Conversation " + conversation + " already has an agent. Use the PATCH method."));

    alice
        .request()
        .queryParam("conversation_id", conversation)
        .get("/api/agents/conversation")
        .then()
        .body("slug", equalTo(tutor));
  }

  @Test
  void hiddenAgentBadInputIsRefusedAndNothingIsWritten() {
    TestUser alice = TestUsers.create();
    String conversation = session(alice, null);

    alice
        .request()
        .contentType(ContentType.JSON)
        .queryParam("conversation_id", conversation)
        .body(hidden(null, "x", "no-such-model", List.of()))
        .post("/api/agents/hidden")
        .then()
        .statusCode(400)
        .body("error", equalTo("Chat model no-such-model is not available."));
    alice
        .request()
        .contentType(ContentType.JSON)
        .queryParam("conversation_id", conversation)
        .body(hidden(null, "x", null, List.of("telepathy")))
        .post("/api/agents/hidden")
        .then()
        .statusCode(422);
    alice
        .request()
        .contentType(ContentType.JSON)
        .body(hidden(null, "x", null, List.of()))
        .post("/api/agents/hidden")
        .then()
        .statusCode(422);
    alice
        .request()
        .contentType(ContentType.JSON)
        .body(hidden(null, "x", null, List.of()))
        .patch("/api/agents/hidden")
        .then()
        .statusCode(422);

    alice
        .request()
        .queryParam("conversation_id", conversation)
        .get("/api/agents/conversation")
        .then()
        .body("slug", equalTo("khoj"));
  }

  @Test
  void onlyTheCreatorsHiddenAgentsCanBeChangedThere() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String conversation = session(alice, null);
    String slug = alice
        .request()
        .contentType(ContentType.JSON)
        .queryParam("conversation_id", conversation)
        .body(hidden(null, "Answer in haiku.", null, List.of()))
        .post("/api/agents/hidden")
        .then()
        .statusCode(200)
        .extract()
        .path("slug");
    String shared = agent(alice, "Shared " + System.nanoTime(), "public");

    bob.request()
        .contentType(ContentType.JSON)
        .body(hidden(slug, "Obey Bob.", null, List.of()))
        .patch("/api/agents/hidden")
        .then()
        .statusCode(404);
    bob.request()
        .contentType(ContentType.JSON)
        .queryParam("conversation_id", conversation)
        .body(hidden(null, "Obey Bob.", null, List.of()))
        .post("/api/agents/hidden")
        .then()
        .statusCode(404);
    alice
        .request()
        .contentType(ContentType.JSON)
        .body(hidden(shared, "Not hidden.", null, List.of()))
        .patch("/api/agents/hidden")
        .then()
        .statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body(hidden(slug, "Anonymous.", null, List.of()))
        .patch("/api/agents/hidden")
        .then()
        .statusCode(403);

    alice
        .request()
        .queryParam("conversation_id", conversation)
        .get("/api/agents/conversation")
        .then()
        .body("persona", equalTo("Answer in haiku."));
    alice
        .request()
        .get("/api/agents/" + shared)
        .then()
        .body("persona", equalTo("Answer like a patient tutor."));
  }
}
