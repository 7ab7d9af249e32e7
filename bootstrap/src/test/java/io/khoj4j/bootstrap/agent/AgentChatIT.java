package io.khoj4j.bootstrap.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
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
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("You review the instructions"))
        .willReturn(FakeOpenAi.stream("SAFE")));
  }

  @AfterAll
  static void tearDown() {
    if (openAi != null) {
      openAi.stop();
    }
  }

  private static String agent(TestUser creator, String name, String privacy, List<String> tools) {
    return agent(creator, name, privacy, tools, List.of());
  }

  private static Map<String, Object> body(
      String name, String privacy, List<String> tools, List<String> files) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("persona", "Speak like a pirate about tea.");
    body.put("privacy_level", privacy);
    body.put("icon", "Leaf");
    body.put("color", "green");
    body.put("chat_model", "Local Model");
    body.put("files", files);
    body.put("input_tools", tools);
    body.put("output_modes", List.of());
    return body;
  }

  private static String agent(
      TestUser creator, String name, String privacy, List<String> tools, List<String> files) {
    return creator
        .request()
        .contentType(ContentType.JSON)
        .body(body(name, privacy, tools, files))
        .post("/api/agents")
        .then()
        .statusCode(200)
        .extract()
        .path("slug");
  }

  /** Alice's notes: one she gives her agent, one she keeps to herself. */
  private static TestUser aliceWithNotes() {
    TestUser alice = TestUsers.create();
    Multipart notes = Multipart.files()
        .add(
            "/notes/tea.md",
            "text/markdown",
            "# Tea\nThe guide recommends green tea every morning.\n")
        .add(
            "/notes/diary.md",
            "text/markdown",
            "# Diary\nMy secret: I drink green tea with whisky at night.\n");
    alice
        .request()
        .contentType(notes.contentType())
        .body(notes.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
    return alice;
  }

  private static JsonPath chat(TestUser user, String conversation, String q) {
    return user.request()
        .contentType(ContentType.JSON)
        .body(Map.of("q", q, "conversation_id", conversation))
        .post("/api/chat")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
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

  /** The answers' requests: a system prompt with the marker (the helper prompts, which name the agent too, have none). */
  private static List<String> answerRequests(String marker) {
    return openAi
        .server
        .findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withRequestBody(containing(marker)))
        .stream()
        .map(LoggedRequest::getBodyAsString)
        .filter(body -> body.contains("\"system\""))
        .toList();
  }

  @Test
  void anotherUserChattingWithAPublicAgentGetsItsKnowledgeButNeverTheCreatorsOtherNotes() {
    TestUser alice = aliceWithNotes();
    TestUser bob = TestUsers.create(); // no notes of his own
    String name = "Tea Guide " + System.nanoTime();
    String guide = agent(alice, name, "public", List.of("notes"), List.of("/notes/tea.md"));
    alice.request().get("/api/agents/" + guide).then().body("files", contains("/notes/tea.md"));
    String conversation = session(bob, guide);
    openAi.server.resetRequests();

    JsonPath answer = chat(bob, conversation, "what tea should I drink?");

    assertThat(answer.getList("references.context.file")).containsOnly("/notes/tea.md");
    List<String> prompts = answerRequests("You are " + name);
    assertThat(prompts).hasSize(1);
    assertThat(prompts.getFirst()).contains("green tea every morning").doesNotContain("whisky");
    // the knowledge is the agent's: neither Bob's nor Alice's own search lists the copy
    bob.request()
        .queryParam("q", "green tea")
        .get("/api/search")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    assertThat(alice
            .request()
            .queryParam("q", "green tea morning")
            .queryParam("n", 10)
            .get("/api/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("additional.file", String.class))
        .doesNotHaveDuplicates();
  }

  @Test
  void theCreatorChattingWithTheirAgentSearchesTheirNotesAndItsKnowledgeWithoutDuplicates() {
    TestUser alice = aliceWithNotes();
    String guide = agent(
        alice,
        "Own Guide " + System.nanoTime(),
        "private",
        List.of("notes"),
        List.of("/notes/tea.md"));
    String conversation = session(alice, guide);

    JsonPath answer = chat(alice, conversation, "what tea should I drink?");

    List<String> files = answer.getList("references.context.file");
    assertThat(files).contains("/notes/tea.md", "/notes/diary.md").doesNotHaveDuplicates();
  }

  @Test
  void aKnowledgeFileTheCreatorHasNotIndexedIsRefusedAndNothingIsWritten() {
    TestUser alice = aliceWithNotes();
    TestUser bob = TestUsers.create();
    String name = "Snoop " + System.nanoTime();

    bob.request()
        .contentType(ContentType.JSON)
        .body(body(name, "private", List.of(), List.of("/notes/diary.md")))
        .post("/api/agents")
        .then()
        .statusCode(400)
        .body("error", equalTo("Not an indexed file of yours: /notes/diary.md"));

    bob.request().get("/api/agents").then().body("name", not(hasItem(name)));
    alice.request().get("/api/agents").then().body("name", not(hasItem(name)));
  }

  @Test
  void aChangedAgentKnowsItsNewFilesAndADeletedOneTakesItsKnowledgeWithIt() throws Exception {
    TestUser alice = aliceWithNotes();
    String name = "Changing " + System.nanoTime();
    String slug = agent(alice, name, "private", List.of("notes"), List.of("/notes/tea.md"));
    Map<String, Object> changed =
        body(name, "private", List.of("notes"), List.of("/notes/diary.md"));
    changed.put("slug", slug);

    alice
        .request()
        .contentType(ContentType.JSON)
        .body(changed)
        .patch("/api/agents")
        .then()
        .statusCode(200)
        .body("files", contains("/notes/diary.md"));

    assertThat(knowledgeOf(slug)).containsExactly("/notes/diary.md");
    alice.request().delete("/api/agents/" + slug).then().statusCode(200);
    assertThat(knowledgeOf(slug)).isEmpty();
    assertThat(entriesWithoutOwner()).isZero();
  }

  @Inject
  DataSource dataSource;

  private List<String> knowledgeOf(String slug) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select distinct e.file_path from entries e"
            + " where e.agent_id = (select id from agents where slug = ?)")) {
      s.setString(1, slug);
      List<String> files = new java.util.ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          files.add(r.getString(1));
        }
      }
      return files;
    }
  }

  private long entriesWithoutOwner() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select count(*) from entries e where e.user_id is null"
                + " and not exists (select 1 from agents a where a.id = e.agent_id)");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void theAgentsPersonaIsTheSystemPromptOfItsConversations() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String name = "Pirate " + System.nanoTime();
    String pirate = agent(alice, name, "public", List.of("general"));
    String conversation = session(bob, pirate);

    bob.request()
        .contentType(ContentType.JSON)
        .body(Map.of("q", "/general what should I drink?", "conversation_id", conversation))
        .post("/api/chat")
        .then()
        .statusCode(200)
        .body("response", equalTo("Arr, green tea it be."));

    List<String> prompts = answerRequests("You are " + name);
    assertThat(prompts).hasSize(1);
    assertThat(prompts.getFirst())
        .contains("Speak like a pirate about tea.")
        .contains("what should I drink?")
        .doesNotContain("You are Khoj");
    bob.request()
        .queryParam("conversation_id", conversation)
        .get("/api/chat/history")
        .then()
        .body("response.chat", hasSize(2))
        .body("response.agent.slug", equalTo(pirate));
  }

  @Test
  void aSlashCommandTheAgentWasNotGivenIsRefusedAndNothingIsStored() {
    TestUser alice = TestUsers.create();
    String name = "Librarian " + System.nanoTime();
    String librarian = agent(alice, name, "private", List.of("notes"));
    String conversation = session(alice, librarian);
    openAi.server.resetRequests();

    alice
        .request()
        .contentType(ContentType.JSON)
        .body(Map.of("q", "/online tea prices", "conversation_id", conversation))
        .post("/api/chat")
        .then()
        .statusCode(200)
        .body(
            "response",
            equalTo(name + " cannot use /online: its creator did not give it that tool. Ask again "
                + "without /online, or start a conversation with an agent that has it."));

    assertThat(openAi.server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))))
        .isEmpty();
    alice
        .request()
        .queryParam("conversation_id", conversation)
        .get("/api/chat/history")
        .then()
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

    bob.request()
        .contentType(ContentType.JSON)
        .body(Map.of("q", "/general hello", "conversation_id", conversation))
        .post("/api/chat")
        .then()
        .statusCode(200);

    assertThat(answerRequests("You are Khoj")).hasSize(1);
    assertThat(answerRequests("You are " + name)).isEmpty();
  }
}
