package io.khoj4j.bootstrap.migration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.khoj4j.bootstrap.cli.AdminCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code admin import-khoj} against a hand-written copy of Khoj's schema (a schema of its own in the test database,
 * fresh for each run): a dry run writes nothing; the import brings in three users; the users then sign in with their
 * old tokens and see exactly their own conversations, agents and files, and find their notes by search; a second run
 * imports nothing twice.
 */
@QuarkusTest
@TestMethodOrder(OrderAnnotation.class)
class ImportKhojIT {

  private static final KhojSourceFixture KHOJ = new KhojSourceFixture();
  private static final String RUN = KHOJ.run;
  private static final String ANN_CONV = KHOJ.annConversation;
  private static final String BOB_CONV = KHOJ.bobConversation;
  private static final String CAROL_CONV = KHOJ.carolConversation;
  private static final String ANN_TOKEN = KHOJ.annToken;
  private static final String BOB_TOKEN = KHOJ.bobToken;

  @Inject
  AdminCommands commands;

  @BeforeAll
  static void createKhojSource() throws Exception {
    KHOJ.create("thenlper/gte-small"); // Khoj's default model, not this server's
  }

  @AfterAll
  static void dropKhojSource() throws Exception {
    KHOJ.drop();
  }

  private static String source() {
    return KHOJ.source();
  }

  private KhojSourceFixture.Run importKhoj(String... extra) {
    return KHOJ.importWith(commands, extra);
  }

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  @Test
  @Order(1)
  void aDryRunSaysWhatItWouldImportAndWritesNothing() {
    KhojSourceFixture.Run dry = importKhoj("--dry-run");

    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains(
            "users: 3 found, 3 would import, 0 already imported",
            "conversations: 4 found, 4 would import");
    given()
        .header("Authorization", "Bearer " + ANN_TOKEN)
        .get("/api/v1/user")
        .then()
        .statusCode(403);
  }

  @Test
  @Order(2)
  void theImportBringsInUsersTheirTokensConversationsAgentsAndFiles() throws Exception {
    KhojSourceFixture.Run run = importKhoj();

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            "users: 3 read",
            "conversations: 4 read",
            "vectors: Khoj's thenlper/gte-small is not this server's embedding model"
                + " (bge-small-en-v1.5-q): notes and memories are embedded again");
    assertThat(run.out()).doesNotContain("vectors:");
    assertThat(run.out())
        .contains(
            "users: 3 found, 3 imported, 0 already imported",
            "tokens: 2 found, 2 imported",
            "files: 3 found, 2 imported",
            "agents: 2 found, 1 imported",
            "conversations: 4 found, 3 imported",
            "shared conversations: 1 found, 1 imported",
            "not imported: conversations ffffffff-ffff-4fff-8fff-" + RUN
                + "0000: its messages cannot be read",
            "not imported: files /scans/receipt.pdf: Khoj keeps only the extracted text of pdf files",
            "not imported: agents Khoj: this server has its own default agent",
            "automations: 2 found, 1 imported",
            "the scheduler job cannot be read",
            "not imported: passwords 1 users",
            "sign-in identities: 1 found, 1 imported",
            "connectors: 2 found, 0 imported",
            "it has no token",
            "subscriptions: 1 found, 1 imported",
            "memories: 1 found, 1 imported");
    assertThat(googleUserOf("google-sub-" + RUN)).isEqualTo("carol-" + RUN + "@example.org");

    as(ANN_TOKEN)
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo("ann-" + RUN + "@example.org"));
    as(BOB_TOKEN)
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo("bob-" + RUN + "@example.org"));
  }

  @Test
  @Order(3)
  void annsAutomationRunsOnItsScheduleInHerZoneAndBobSeesNone() {
    as(ANN_TOKEN)
        .get("/api/automation")
        .then()
        .statusCode(200)
        .body("subject", contains("Tea news"))
        .body("query_to_run", contains("/automated_task Summarise the news about tea"))
        .body("scheduling_request", contains("Summarise the news about tea"))
        .body("crontime", contains("15 7 * * 1"))
        .body("schedule[0]", containsString("IST"))
        .body("next[0]", containsString("07:15 AM"));
    as(BOB_TOKEN).get("/api/automation").then().statusCode(200).body("$", hasSize(0));
  }

  @Test
  @Order(3)
  void eachUserSeesExactlyTheirOwnConversations() {
    as(ANN_TOKEN)
        .get("/api/chat/sessions")
        .then()
        .statusCode(200)
        .body("conversation_id", hasSize(2))
        .body("conversation_id", hasItem(ANN_CONV))
        .body(
            "slug",
            containsInAnyOrder("Watering " + RUN, "Automation: Tea news")); // her automation's
    as(BOB_TOKEN)
        .get("/api/chat/sessions")
        .then()
        .statusCode(200)
        .body("conversation_id", contains(BOB_CONV));

    as(ANN_TOKEN)
        .queryParam("conversation_id", ANN_CONV)
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat.message", contains("When do I water tomatoes?", "At dawn."))
        .body("response.chat.turnId", contains("t-1", "t-1"))
        .body("response.chat[1].context[0].file", equalTo("/notes/garden.md"))
        .body("response.agent.slug", equalTo("gardener-" + RUN));
    List<String> turns = as(BOB_TOKEN)
        .queryParam("conversation_id", BOB_CONV)
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat.message", contains("Best season for Zanzibar?", "June to October."))
        .extract()
        .path("response.chat.turnId");
    assertThat(turns.get(0)).isNotBlank().isEqualTo(turns.get(1));

    as(BOB_TOKEN)
        .queryParam("conversation_id", ANN_CONV)
        .get("/api/chat/history")
        .then()
        .statusCode(404);
    given()
        .queryParam("public_conversation_slug", "watering-" + RUN)
        .get("/api/chat/share/history")
        .then()
        .statusCode(200)
        .body("response.chat.message", contains("When do I water tomatoes?"));
  }

  @Test
  @Order(3)
  void eachUserSeesOnlyTheirOwnAgentsAndFiles() {
    String gardener = "gardener-" + RUN;
    as(ANN_TOKEN).get("/api/agents").then().statusCode(200).body("slug", hasItem(gardener));
    as(ANN_TOKEN)
        .get("/api/agents/" + gardener)
        .then()
        .statusCode(200)
        .body("files", contains("/notes/garden.md"))
        .body("input_tools", contains("notes", "online"));
    as(BOB_TOKEN).get("/api/agents").then().statusCode(200).body("slug", not(hasItem(gardener)));
    as(BOB_TOKEN).get("/api/agents/" + gardener).then().statusCode(404);

    as(ANN_TOKEN)
        .get("/api/content/files")
        .then()
        .statusCode(200)
        .body("files.file_name", contains("/notes/garden.md"));
    as(BOB_TOKEN)
        .get("/api/content/files")
        .then()
        .statusCode(200)
        .body("files.file_name", contains("/bob/zanzibar.md"));
    // a section Khoj cut into chunks comes back once (every chunk carries the section's whole text)
    String zanzibar = as(BOB_TOKEN)
        .queryParam("file_name", "/bob/zanzibar.md")
        .get("/api/content/file")
        .then()
        .statusCode(200)
        .extract()
        .path("raw_text");
    assertThat(zanzibar.split("Cloves and cinnamon", -1)).hasSize(2);
    assertThat(zanzibar).contains("Zanzibar by dhow");

    as(BOB_TOKEN)
        .get("/api/memories")
        .then()
        .statusCode(200)
        .body("raw", contains("Bob is allergic to peanuts"));
    as(ANN_TOKEN)
        .get("/api/memories")
        .then()
        .statusCode(200)
        .body("raw", org.hamcrest.Matchers.empty());
  }

  @Test
  @Order(3)
  void eachUserFindsTheirNotesBySearch() {
    List<String> annFiles = as(ANN_TOKEN)
        .queryParam("q", "when to water tomatoes")
        .get("/api/search")
        .then()
        .statusCode(200)
        .extract()
        .path("additional.file");
    assertThat(annFiles).contains("/notes/garden.md").doesNotContain("/bob/zanzibar.md");
    List<String> bobEntries = as(BOB_TOKEN)
        .queryParam("q", "cinnamon and cloves")
        .get("/api/search")
        .then()
        .statusCode(200)
        .extract()
        .path("entry");
    assertThat(String.join("\n", bobEntries).toLowerCase(Locale.ROOT))
        .contains("cinnamon")
        .doesNotContain("tomatoes");
  }

  @Test
  @Order(4)
  void aSecondRunImportsNothingTwice() {
    KhojSourceFixture.Run again = importKhoj();

    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out())
        .contains(
            "users: 3 found, 0 imported, 3 already imported",
            "tokens: 2 found, 0 imported, 2 already imported",
            "files: 3 found, 0 imported, 2 already imported",
            "conversations: 4 found, 0 imported, 3 already imported",
            "automations: 2 found, 0 imported, 1 already imported");
    as(ANN_TOKEN)
        .get("/api/chat/sessions")
        .then()
        .statusCode(200)
        .body("conversation_id", hasSize(2))
        .body("conversation_id", hasItem(ANN_CONV));
    as(ANN_TOKEN)
        .queryParam("conversation_id", ANN_CONV)
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat.message", contains("When do I water tomatoes?", "At dawn."));
    as(ANN_TOKEN)
        .get("/api/content/files")
        .then()
        .statusCode(200)
        .body("files.file_name", contains("/notes/garden.md"));
  }

  @Test
  @Order(5)
  void aSourceWithoutKhojsSchemaIsRefusedWithAReason() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = commands.execute(
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        "admin",
        "import-khoj",
        "--from",
        url("?currentSchema=no_such_schema&user=" + user() + "&password=" + password()));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("error: no Khoj schema there");
    assertThat(out.toString()).isEmpty();
  }

  private static String googleUserOf(String subject) throws Exception {
    try (Connection c = DriverManager.getConnection(url(""), user(), password());
        var ps = c.prepareStatement(
            "select u.email from external_identities i join users u on u.id = i.user_id"
                + " where i.issuer = 'https://accounts.google.com' and i.subject = ?")) {
      ps.setString(1, subject);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String url(String parameters) {
    return KhojSourceFixture.url(parameters);
  }

  private static String user() {
    return KhojSourceFixture.user();
  }

  private static String password() {
    return KhojSourceFixture.password();
  }
}
