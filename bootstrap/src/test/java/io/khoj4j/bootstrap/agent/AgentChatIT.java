package io.khoj4j.bootstrap.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation's agent acts in the chat turn: its persona is the system prompt the stand-in model receives, its
 * model answers, and its input tools bound the slash commands.
 */
@QuarkusTest
class AgentChatIT {

  private static FakeOpenAi openAi;
  private static TestUser admin;

  @BeforeEach
  void setUp() {
    if (openAi == null) {
      openAi = new FakeOpenAi().start();
      admin = TestUsers.createAdmin();
    }
    openAi.configureAsDefault(admin);
    openAi.script("Arr, green tea it be.", "Tea", "green tea");
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
        .withRequestBody(containing("You review the instructions")).willReturn(FakeOpenAi.stream("SAFE")));
  }

  @AfterAll
  static void tearDown() {
    if (openAi != null) {
      openAi.stop();
    }
  }

  private static String agent(TestUser creator, String name, String privacy, List<String> tools) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("persona", "Speak like a pirate about tea.");
    body.put("privacy_level", privacy);
    body.put("icon", "Leaf");
    body.put("color", "green");
    body.put("chat_model", "Local Model");
    body.put("files", List.of());
    body.put("input_tools", tools);
    body.put("output_modes", List.of());
    return creator.request().contentType(ContentType.JSON).body(body).post("/api/agents").then().statusCode(200)
        .extract().path("slug");
  }

  private static String session(TestUser user, String agentSlug) {
    return user.request().queryParam("agent_slug", agentSlug).post("/api/chat/sessions").then().statusCode(200)
        .extract().path("conversation_id");
  }

  private static List<String> answerRequests(String marker) {
    return openAi.server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
        .withRequestBody(containing(marker))).stream().map(LoggedRequest::getBodyAsString).toList();
  }

  @Test
  void theAgentsPersonaIsTheSystemPromptOfItsConversations() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String name = "Pirate " + System.nanoTime();
    String pirate = agent(alice, name, "public", List.of("general"));
    String conversation = session(bob, pirate);

    bob.request().contentType(ContentType.JSON).body(Map.of("q", "/general what should I drink?",
            "conversation_id", conversation))
        .post("/api/chat").then().statusCode(200).body("response", equalTo("Arr, green tea it be."));

    List<String> prompts = answerRequests("You are " + name);
    assertThat(prompts).hasSize(1);
    assertThat(prompts.getFirst()).contains("Speak like a pirate about tea.").contains("what should I drink?")
        .doesNotContain("You are Khoj");
    bob.request().queryParam("conversation_id", conversation).get("/api/chat/history").then()
        .body("response.chat", hasSize(2)).body("response.agent.slug", equalTo(pirate));
  }

  @Test
  void aSlashCommandTheAgentWasNotGivenIsRefusedAndNothingIsStored() {
    TestUser alice = TestUsers.create();
    String name = "Librarian " + System.nanoTime();
    String librarian = agent(alice, name, "private", List.of("notes"));
    String conversation = session(alice, librarian);
    openAi.server.resetRequests();

    alice.request().contentType(ContentType.JSON).body(Map.of("q", "/online tea prices",
            "conversation_id", conversation))
        .post("/api/chat").then().statusCode(200)
        .body("response", equalTo(name + " cannot use /online: its creator did not give it that tool. Ask again "
            + "without /online, or start a conversation with an agent that has it."));

    assertThat(openAi.server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();
    alice.request().queryParam("conversation_id", conversation).get("/api/chat/history").then()
        .body("response.chat", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void aConversationWhoseAgentWasDeletedTalksAsKhojAgain() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String name = "Fleeting " + System.nanoTime();
    String fleeting = agent(alice, name, "public", List.of("general"));
    String conversation = session(bob, fleeting);
    alice.request().delete("/api/agents/" + fleeting).then().statusCode(200);
    openAi.server.resetRequests();

    bob.request().contentType(ContentType.JSON).body(Map.of("q", "/general hello", "conversation_id", conversation))
        .post("/api/chat").then().statusCode(200);

    assertThat(answerRequests("You are Khoj")).hasSize(1);
    assertThat(answerRequests("You are " + name)).isEmpty();
  }
}
