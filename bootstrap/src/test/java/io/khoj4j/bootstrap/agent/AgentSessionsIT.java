package io.khoj4j.bootstrap.agent;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A conversation started with an agent keeps it, and history and sessions show it; deny by default for others. */
@QuarkusTest
class AgentSessionsIT {

  private static String agent(TestUser creator, String name, String privacy) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("persona", "Answer like a patient tutor.");
    body.put("privacy_level", privacy);
    body.put("icon", "Student");
    body.put("color", "teal");
    body.put("chat_model", null);
    body.put("files", List.of());
    body.put("input_tools", List.of());
    body.put("output_modes", List.of());
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
    return user.request()
        .queryParam("agent_slug", agentSlug)
        .post("/api/chat/sessions")
        .then()
        .statusCode(200)
        .extract()
        .path("conversation_id");
  }

  @Test
  void aConversationStartedWithAnAgentShowsItInHistoryAndSessions() {
    TestUser alice = TestUsers.create();
    String tutor = agent(alice, "Tutor " + System.nanoTime(), "private");

    String conversation = session(alice, tutor.toUpperCase()); // slugs are case-insensitive

    alice
        .request()
        .queryParam("conversation_id", conversation)
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.agent.slug", equalTo(tutor))
        .body(
            "response.agent.name",
            equalTo(alice.request().get("/api/agents/" + tutor).then().extract().path("name")))
        .body("response.agent.is_creator", equalTo(true))
        .body("response.agent.color", equalTo("teal"))
        .body("response.agent.icon", equalTo("Student"))
        .body("response.agent.persona", equalTo("Answer like a patient tutor."));
    alice
        .request()
        .get("/api/chat/sessions")
        .then()
        .statusCode(200)
        .body("find { it.conversation_id == '" + conversation + "' }.agent_color", equalTo("teal"))
        .body(
            "find { it.conversation_id == '" + conversation + "' }.agent_icon", equalTo("Student"));
    // the export names the conversation's agent (it said "Khoj" for every conversation)
    alice
        .request()
        .get("/api/chat/export")
        .then()
        .statusCode(200)
        .body("[0].agent", startsWith("Tutor "));
  }

  @Test
  void anotherUsersPrivateAgentCannotStartASessionButAPublicOneCan() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String secret = agent(alice, "Secret " + System.nanoTime(), "private");
    String shared = agent(alice, "Shared " + System.nanoTime(), "public");

    bob.request()
        .queryParam("agent_slug", secret)
        .post("/api/chat/sessions")
        .then()
        .statusCode(404)
        .body("status", equalTo("error"));
    bob.request().get("/api/chat/sessions").then().body("size()", equalTo(0));

    String conversation = session(bob, shared);
    bob.request()
        .queryParam("conversation_id", conversation)
        .get("/api/chat/history")
        .then()
        .body("response.agent.slug", equalTo(shared))
        .body("response.agent.is_creator", equalTo(false));
  }

  @Test
  void theDefaultAgentIsShownWhenAConversationsAgentIsNoLongerReadable() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String shared = agent(alice, "Fleeting " + System.nanoTime(), "public");
    String conversation = session(bob, shared);

    alice.request().delete("/api/agents/" + shared).then().statusCode(200);

    bob.request()
        .queryParam("conversation_id", conversation)
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.agent.slug", equalTo("khoj"));
  }
}
