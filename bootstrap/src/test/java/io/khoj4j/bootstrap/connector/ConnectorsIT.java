package io.khoj4j.bootstrap.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.khoj4j.application.port.in.connector.SyncAllConnectorsUseCase;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.FakeVendors;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * GitHub and Notion end to end against local stubs of their APIs: settings routes, the sync button and
 * {@code /api/update}, incremental re-sync, upstream deletions, refused tokens, OAuth, and search over what was synced.
 * Each test uses its own repository names and tokens, so tests share the stub server without seeing each other.
 */
@QuarkusTest
@TestProfile(ConnectorsIT.Stubbed.class)
class ConnectorsIT {

  public static class Stubbed implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(FakeVendors.class));
    }
  }

  @Inject
  DataSource dataSource;

  @Inject
  SyncAllConnectorsUseCase syncAll;

  static WireMockServer vendor() {
    return FakeVendors.server;
  }

  static String sha(String seed) {
    StringBuilder hex = new StringBuilder();
    for (byte b : seed.getBytes(StandardCharsets.UTF_8)) {
      hex.append("%02x".formatted(b));
    }
    while (hex.length() < 40) {
      hex.append('0');
    }
    return hex.substring(0, 40);
  }

  record GhFile(String path, String sha, String content) {}

  /** Stubs the repository's recursive tree and each file's raw blob as GitHub answers them. */
  static void stubRepo(String owner, String repo, String token, List<GhFile> files) {
    List<String> items = new ArrayList<>();
    for (GhFile f : files) {
      items.add("""
          {"path":"%s","mode":"100644","type":"blob","sha":"%s","size":%d,
           "url":"https://api.github.com/repos/%s/%s/git/blobs/%s"}""".formatted(f.path(), f.sha(), f.content().length(), owner, repo, f.sha()));
      vendor()
          .stubFor(get("/repos/" + owner + "/" + repo + "/git/blobs/" + f.sha())
              .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
              .willReturn(aResponse()
                  .withStatus(200)
                  .withHeader("Content-Type", "application/vnd.github.raw")
                  .withBody(f.content())));
    }
    vendor()
        .stubFor(get("/repos/" + owner + "/" + repo + "/git/trees/main?recursive=1")
            .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
            .willReturn(okJson(
                """
            {"sha":"%s","url":"https://api.github.com/repos/%s/%s/git/trees/main","tree":[%s],"truncated":false}
            """.formatted(sha("root" + files.size()), owner, repo, String.join(",", items)))));
  }

  static void saveGithub(TestUser user, String token, String owner, String repo) {
    user.request()
        .contentType("application/json")
        .body(Map.of(
            "pat_token",
            token,
            "repos",
            List.of(Map.of("owner", owner, "name", repo, "branch", "main"))))
        .post("/api/content/github")
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"));
  }

  /** As Khoj's web app syncs a connector: a PATCH without a body, naming a JSON content type. */
  static Response syncButton(TestUser user, String t) {
    return user.request()
        .queryParam("t", t)
        .header("Content-Type", "application/json")
        .patch("/api/content");
  }

  static JsonPath search(TestUser user, String q, String t) {
    return user.request()
        .queryParam("q", q)
        .queryParam("t", t)
        .queryParam("n", 5)
        .get("/api/search")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  List<String> files(TestUser user) {
    List<String> names = new ArrayList<>();
    for (int page = 0; page < 10; page++) {
      List<String> onPage = user.request()
          .queryParam("page", page)
          .get("/api/content/files")
          .then()
          .statusCode(200)
          .extract()
          .jsonPath()
          .getList("files.file_name");
      if (onPage.isEmpty()) {
        break;
      }
      names.addAll(onPage);
    }
    return names;
  }

  String sealedToken(String table, TestUser user) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select sealed_token from " + table + " where user_id = ?")) {
      s.setObject(1, user.id().value());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  @Test
  void githubRepositoryIsIndexedWithGithubUrlsThenResyncedIncrementallyAndUpstreamDeletionsDeleted()
      throws Exception {
    TestUser alice = TestUsers.create();
    String owner = "octo-" + UUID.randomUUID().toString().substring(0, 8);
    String token = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    GhFile readme = new GhFile(
        "README.md", sha(owner + "readme1"), "# Gardening\n\nTomatoes need staking in July.\n");
    GhFile guide = new GhFile(
        "docs/guide.org", sha(owner + "guide1"), "* Compost\nTurn the compost heap weekly.\n");
    GhFile code = new GhFile(
        "src/irrigate.py", sha(owner + "code1"), "def water_the_cucumbers():\n    return 42\n");
    GhFile logo = new GhFile("logo.png", sha(owner + "logo1"), "binary");
    stubRepo(owner, "garden", token, List.of(readme, guide, code, logo));

    saveGithub(alice, token, owner, "garden");
    JsonPath config = alice
        .request()
        .get("/api/content/github")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
    assertThat(config.getString("current_config.pat_token")).isEqualTo(token);
    assertThat(config.getList("current_config.repos"))
        .containsExactly(Map.of("name", "garden", "owner", owner, "branch", "main"));
    assertThat(sealedToken("github_connectors", alice)).isNotNull().doesNotContain(token);

    syncButton(alice, "github").then().statusCode(200);

    String base = "https://github.com/" + owner + "/garden/blob/main/";
    assertThat(files(alice))
        .containsExactlyInAnyOrder(
            base + "README.md", base + "docs/guide.org", base + "src/irrigate.py");
    JsonPath hit = search(alice, "staking tomatoes", "github");
    assertThat(hit.getString("[0].additional.file")).isEqualTo(base + "README.md");
    assertThat(hit.getString("[0].additional.uri")).startsWith(base + "README.md");
    assertThat(hit.getString("[0].additional.source")).isEqualTo("github");
    vendor()
        .verify(
            0, getRequestedFor(urlEqualTo("/repos/" + owner + "/garden/git/blobs/" + logo.sha())));
    JsonPath settings = alice
        .request()
        .queryParam("detailed", true)
        .get("/api/settings")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
    assertThat(settings.getString("content_sync.github.status")).isEqualTo("ok");
    assertThat(settings.getString("content_sync.github.last_error")).isNull();
    assertThat(settings.getBoolean("enabled_content_source.github")).isTrue();

    // upstream: the guide changed, the code file was deleted, the README is unchanged
    GhFile guide2 = new GhFile(
        "docs/guide.org", sha(owner + "guide2"), "* Compost\nTurn the compost heap daily.\n");
    stubRepo(owner, "garden", token, List.of(readme, guide2, logo));
    alice
        .request()
        .get("/api/update")
        .then()
        .statusCode(200)
        .body("message", equalTo("khoj reloaded"));

    assertThat(files(alice)).containsExactlyInAnyOrder(base + "README.md", base + "docs/guide.org");
    vendor()
        .verify(
            1,
            getRequestedFor(urlEqualTo("/repos/" + owner + "/garden/git/blobs/" + readme.sha())));
    vendor()
        .verify(
            1,
            getRequestedFor(urlEqualTo("/repos/" + owner + "/garden/git/blobs/" + guide2.sha())));
    assertThat(search(alice, "compost heap", "github").getString("[0].entry"))
        .contains("daily")
        .doesNotContain("weekly");
  }

  /**
   * The owner removes GitHub while a file of its sync is about to be written (the test holds the removal open until
   * the sync waits for it, as a slow removal would be). The file's transaction waits for the removal, finds the
   * connector gone and writes nothing, so no file, entry, version or state of the source is left. Were the file
   * written beside the removal, it would come after the removal's deletes and outlive it.
   */
  @Test
  void aFileOfASourceBeingRemovedWaitsForTheRemovalAndIsNotWritten() throws Exception {
    TestUser alice = TestUsers.create();
    String owner = "race-" + UUID.randomUUID().toString().substring(0, 8);
    String token = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    GhFile note =
        new GhFile("race.md", sha(owner + "r"), "# Race\n\nWritten while GitHub is removed.\n");
    stubRepo(owner, "race", token, List.of(note));
    vendor() // the blob comes slowly: time to start the removal while the sync reads it
        .stubFor(get("/repos/" + owner + "/race/git/blobs/" + note.sha())
            .atPriority(1)
            .willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.github.raw")
                .withBody(note.content())
                .withFixedDelay(1500)));
    saveGithub(alice, token, owner, "race");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    boolean fileWaited;
    try (Connection removal = dataSource.getConnection()) {
      Future<Response> sync = pool.submit(() -> syncButton(alice, "github"));
      await(() -> !vendor()
          .findAll(getRequestedFor(urlEqualTo("/repos/" + owner + "/race/git/blobs/" + note.sha())))
          .isEmpty());
      removal.setAutoCommit(false);
      // the statements of DeleteContentService's removal of a source, in its order, before the
      // file is written; the removal then stays open until the sync waits for it
      update(removal, "delete from github_connectors where user_id = ?", alice);
      update(
          removal, "delete from connector_states where user_id = ? and source = 'github'", alice);
      update(removal, "delete from connector_items where user_id = ? and source = 'github'", alice);
      update(
          removal, "delete from indexed_files where user_id = ? and file_source = 'github'", alice);
      update(removal, "delete from entries where user_id = ? and file_source = 'github'", alice);
      fileWaited = await(() -> waitingOnTheSettingsRow() > 0);
      removal.commit();
      removal.setAutoCommit(true);
      sync.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(fileWaited).as("the sync waited for the removal").isTrue();
    assertThat(files(alice)).isEmpty();
    assertThat(count("select count(*) from entries where user_id = ?", alice)).isZero();
    assertThat(count("select count(*) from indexed_files where user_id = ?", alice))
        .isZero();
    assertThat(count("select count(*) from connector_items where user_id = ?", alice))
        .isZero();
    assertThat(count("select count(*) from connector_states where user_id = ?", alice))
        .isZero();
  }

  private static boolean await(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Backends of this database waiting for a lock in a read of GitHub's settings row under the connector's hold. */
  private int waitingOnTheSettingsRow() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("""
            select count(*) from pg_stat_activity where datname = current_database()
              and wait_event_type = 'Lock' and query like '%github_connectors%for key share%'
            """);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(Connection c, String sql, TestUser user) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, user.id().value());
      s.executeUpdate();
    }
  }

  private long count(String sql, TestUser user) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, user.id().value());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void aRevokedTokenMarksTheConnectorFailingAndDeletesNothing() {
    TestUser alice = TestUsers.create();
    String owner = "rev-" + UUID.randomUUID().toString().substring(0, 8);
    String token = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    GhFile note = new GhFile("note.md", sha(owner + "n"), "# Bees\n\nThe hive swarmed in May.\n");
    stubRepo(owner, "hive", token, List.of(note));
    saveGithub(alice, token, owner, "hive");
    syncButton(alice, "github").then().statusCode(200);

    vendor()
        .stubFor(get("/repos/" + owner + "/hive/git/trees/main?recursive=1")
            .atPriority(1)
            .willReturn(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(
                    "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\","
                        + "\"status\":\"401\"}")));
    syncButton(alice, "github")
        .then()
        .statusCode(500)
        .body("detail", containsString("refused the token"));

    assertThat(files(alice))
        .containsExactly("https://github.com/" + owner + "/hive/blob/main/note.md");
    JsonPath settings = alice
        .request()
        .queryParam("detailed", true)
        .get("/api/settings")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
    assertThat(settings.getString("content_sync.github.status")).isEqualTo("failing");
    assertThat(settings.getString("content_sync.github.last_error")).contains("401");
    assertThat(settings.getString("content_sync.github.last_synced_at")).isNotNull();
  }

  @Test
  void aRateLimitStopsTheSyncWithItsResetTimeAndDeletesNothing() {
    TestUser alice = TestUsers.create();
    String owner = "rl-" + UUID.randomUUID().toString().substring(0, 8);
    vendor()
        .stubFor(get("/repos/" + owner + "/busy/git/trees/main?recursive=1")
            .willReturn(aResponse()
                .withStatus(403)
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", "4102444800")
                .withBody("{\"message\":\"API rate limit exceeded for user ID 1.\"}")));
    saveGithub(alice, "ghp_limited", owner, "busy");

    alice
        .request()
        .get("/api/update")
        .then()
        .statusCode(500)
        .body("detail", containsString("rate limit"));

    JsonPath settings = alice
        .request()
        .queryParam("detailed", true)
        .get("/api/settings")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
    assertThat(settings.getString("content_sync.github.status")).isEqualTo("failing");
    assertThat(settings.getString("content_sync.github.last_error"))
        .contains("2100-01-01T00:00:00Z");
  }

  @Test
  void badSettingsAreRefusedWithTheReasonAndChangeNothing() {
    TestUser alice = TestUsers.create();
    saveGithub(alice, "ghp_kept", "kept-owner", "kept");

    alice
        .request()
        .contentType("application/json")
        .body(Map.of("pat_token", "x", "repos", List.of(Map.of("owner", "../etc", "name", "r"))))
        .post("/api/content/github")
        .then()
        .statusCode(422)
        .body("detail", containsString("owner"));
    alice
        .request()
        .contentType("application/json")
        .body(Map.of("pat_token", "x"))
        .post("/api/content/github")
        .then()
        .statusCode(422);
    alice
        .request()
        .contentType("application/json")
        .body(Map.of("repos", List.of(Map.of("owner", "o", "name", "r", "branch", "main..evil"))))
        .post("/api/content/github")
        .then()
        .statusCode(422);
    alice
        .request()
        .contentType("application/json")
        .body("{\"repos\": [")
        .post("/api/content/github")
        .then()
        .statusCode(org.hamcrest.Matchers.allOf(
            org.hamcrest.Matchers.greaterThanOrEqualTo(400), org.hamcrest.Matchers.lessThan(500)));
    alice
        .request()
        .contentType("application/json")
        .body(Map.of())
        .post("/api/content/notion")
        .then()
        .statusCode(422);
    alice.request().queryParam("t", "bogus").get("/api/update").then().statusCode(422);

    JsonPath config = alice
        .request()
        .get("/api/content/github")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
    assertThat(config.getString("current_config.pat_token")).isEqualTo("ghp_kept");
    assertThat(config.getString("current_config.repos[0].owner")).isEqualTo("kept-owner");
  }

  @Test
  void aRepositoryWithoutBranchIsOnMasterAndTheDashedAliasIsAccepted() {
    TestUser alice = TestUsers.create();
    alice
        .request()
        .contentType("application/json")
        .body(Map.of("pat-token", "ghp_alias", "repos", List.of(Map.of("owner", "o", "name", "r"))))
        .post("/api/content/github")
        .then()
        .statusCode(200);

    alice
        .request()
        .get("/api/content/github")
        .then()
        .statusCode(200)
        .body("current_config.pat_token", equalTo("ghp_alias"))
        .body("current_config.repos[0].branch", equalTo("master"));
  }

  @Test
  void withoutSettingsTheRoutesAnswerKhojsEmptyShapes() {
    TestUser bob = TestUsers.create();
    bob.request()
        .get("/api/content/github")
        .then()
        .statusCode(200)
        .body("current_config.size()", equalTo(0))
        .body("username", not(nullValue()));
    bob.request()
        .get("/api/content/notion")
        .then()
        .statusCode(200)
        .body("current_config.token", equalTo(""));
    syncButton(bob, "notion").then().statusCode(200);
  }

  @Test
  void oneUsersSyncAndDeletionNeverTouchAnothersEntries() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String owner = "shared-" + UUID.randomUUID().toString().substring(0, 8);
    String aliceToken = "ghp_alice" + UUID.randomUUID().toString().replace("-", "");
    String bobToken = "ghp_bob" + UUID.randomUUID().toString().replace("-", "");
    GhFile a = new GhFile("a.md", sha(owner + "a"), "# Alpha\n\nAlice reads about owls.\n");
    GhFile b = new GhFile("b.md", sha(owner + "b"), "# Beta\n\nBob reads about kites.\n");
    stubRepo(owner, "same", aliceToken, List.of(a, b));
    stubRepo(owner, "same", bobToken, List.of(b));
    saveGithub(alice, aliceToken, owner, "same");
    saveGithub(bob, bobToken, owner, "same");
    String base = "https://github.com/" + owner + "/same/blob/main/";

    syncButton(alice, "github").then().statusCode(200);
    // Bob's tree has no a.md: his sync deletes what is missing from his own entries only
    syncButton(bob, "github").then().statusCode(200);
    assertThat(files(alice)).containsExactlyInAnyOrder(base + "a.md", base + "b.md");
    assertThat(files(bob)).containsExactly(base + "b.md");

    bob.request().delete("/api/content/source/github").then().statusCode(200);
    assertThat(files(bob)).isEmpty();
    bob.request()
        .get("/api/content/github")
        .then()
        .statusCode(200)
        .body("current_config.size()", equalTo(0));
    assertThat(files(alice)).containsExactlyInAnyOrder(base + "a.md", base + "b.md");
    alice
        .request()
        .get("/api/content/github")
        .then()
        .statusCode(200)
        .body("current_config.pat_token", equalTo(aliceToken));
    assertThat(search(alice, "owls", "github").getString("[0].additional.file"))
        .isEqualTo(base + "a.md");
  }

  // ------------------------------------------------------------------ Notion

  static String text(String s) {
    return "{\"type\":\"text\",\"text\":{\"content\":\"" + s + "\",\"link\":null},\"plain_text\":\""
        + s + "\",\"href\":null}";
  }

  static String page(
      String id, String title, String url, String edited, String titleProperty, String extra) {
    return """
        {"object":"page","id":"%s","created_time":"2026-11-01T09:00:00.000Z","last_edited_time":"%s",
         "parent":{"type":"workspace","workspace":true},"archived":false,"in_trash":false,
         "properties":{%s"%s":{"id":"title","type":"title","title":[%s]}},"url":"%s"}""".formatted(id, edited, extra, titleProperty, text(title), url);
  }

  static String block(String id, String type, boolean children, String text) {
    return """
        {"object":"block","id":"%s","type":"%s","has_children":%s,"%s":{"rich_text":[%s],"color":"default"}}""".formatted(id, type, children, type, text(text));
  }

  static String list(String... results) {
    return "{\"object\":\"list\",\"results\":[" + String.join(",", results)
        + "],\"next_cursor\":null,\"has_more\":false}";
  }

  @Test
  void notionPagesWithNestedBlocksAndDatabaseRowsAreIndexedAndFollowedAsTheyChange() {
    TestUser alice = TestUsers.create();
    String token = "secret_" + UUID.randomUUID().toString().replace("-", "");
    String trip = UUID.randomUUID().toString();
    String row = UUID.randomUUID().toString();
    String toggle = UUID.randomUUID().toString();
    String tripUrl = "https://www.notion.so/Trip-" + trip.replace("-", "");
    String rowUrl = "https://www.notion.so/Restaurant-" + row.replace("-", "");
    vendor()
        .stubFor(
            post("/v1/search")
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
                .willReturn(
                    okJson(
                        list(
                            page(
                                trip,
                                "Trip to Lisbon",
                                tripUrl,
                                "2026-11-30T10:00:00.000Z",
                                "title",
                                ""),
                            page(
                                row,
                                "Book a restaurant",
                                rowUrl,
                                "2026-11-30T11:00:00.000Z",
                                "Name",
                                "\"Status\":{\"id\":\"s\",\"type\":\"select\",\"select\":{\"name\":\"Waiting\"}},")))));
    vendor()
        .stubFor(get("/v1/blocks/" + trip + "/children?page_size=100")
            .willReturn(okJson(list(
                block(UUID.randomUUID().toString(), "heading_1", false, "Museums"),
                block(toggle, "toggle", true, "Day one")))));
    vendor()
        .stubFor(get("/v1/blocks/" + toggle + "/children?page_size=100")
            .willReturn(okJson(list(block(
                UUID.randomUUID().toString(),
                "paragraph",
                false,
                "The azulejo museum opens at ten")))));
    vendor()
        .stubFor(get("/v1/blocks/" + row + "/children?page_size=100")
            .willReturn(okJson(list(block(
                UUID.randomUUID().toString(),
                "paragraph",
                false,
                "Ask for a table by the window")))));

    alice
        .request()
        .contentType("application/json")
        .body(Map.of("token", token))
        .post("/api/content/notion")
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"));
    alice.request().get("/api/update?t=notion").then().statusCode(200);

    JsonPath hit = search(alice, "azulejo museum opening time", "notion");
    assertThat(hit.getString("[0].additional.file")).isEqualTo(tripUrl);
    assertThat(hit.getString("[0].additional.source")).isEqualTo("notion");
    // a short page stays one section: its title is the heading, its own headings and nested blocks
    // are in the entry
    assertThat(hit.getString("[0].entry"))
        .contains("Museums")
        .contains("Day one")
        .contains("azulejo");
    assertThat(hit.getString("[0].additional.heading")).contains("Trip to Lisbon");
    assertThat(search(alice, "restaurant status waiting", "notion").getString("[0].entry"))
        .contains("Waiting");
    alice
        .request()
        .get("/api/content/notion")
        .then()
        .statusCode(200)
        .body("current_config.token", equalTo(token));
    alice
        .request()
        .queryParam("detailed", true)
        .get("/api/settings")
        .then()
        .statusCode(200)
        .body("notion_token", equalTo(token))
        .body("content_sync.notion.status", equalTo("ok"));

    // the row is gone upstream; the trip page did not change
    vendor()
        .stubFor(post("/v1/search")
            .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
            .atPriority(1)
            .willReturn(okJson(list(
                page(trip, "Trip to Lisbon", tripUrl, "2026-11-30T10:00:00.000Z", "title", "")))));
    alice.request().get("/api/update?t=notion").then().statusCode(200);

    assertThat(files(alice)).containsExactly(tripUrl);
    vendor()
        .verify(1, getRequestedFor(urlEqualTo("/v1/blocks/" + trip + "/children?page_size=100")));
  }

  @Test
  void chatFindsGithubAndNotionContentAndCitesItByItsUrl() {
    TestUser alice = TestUsers.create();
    String owner = "octo-" + UUID.randomUUID().toString().substring(0, 8);
    String ghToken = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    GhFile readme = new GhFile(
        "README.md", sha(owner + "quince"), "# Orchard\n\nThe quinces ripen in late October.\n");
    stubRepo(owner, "orchard", ghToken, List.of(readme));
    saveGithub(alice, ghToken, owner, "orchard");
    String notionToken = "secret_" + UUID.randomUUID().toString().replace("-", "");
    String pond = UUID.randomUUID().toString();
    String pondUrl = "https://www.notion.so/Pond-" + pond.replace("-", "");
    vendor()
        .stubFor(post("/v1/search")
            .withHeader("Authorization", WireMock.equalTo("Bearer " + notionToken))
            .willReturn(okJson(
                list(page(pond, "Pond", pondUrl, "2026-11-30T10:00:00.000Z", "title", "")))));
    vendor()
        .stubFor(get("/v1/blocks/" + pond + "/children?page_size=100")
            .willReturn(okJson(list(block(
                UUID.randomUUID().toString(),
                "paragraph",
                false,
                "A grey heron fishes the pond at dawn")))));
    alice
        .request()
        .contentType("application/json")
        .body(Map.of("token", notionToken))
        .post("/api/content/notion")
        .then()
        .statusCode(200);
    alice.request().get("/api/update").then().statusCode(200);
    FakeOpenAi model = new FakeOpenAi().start();
    try {
      model.configureAsDefault(TestUsers.createAdmin());
      String base = "https://github.com/" + owner + "/orchard/blob/main/";

      model.script("They ripen in late October.", "Quinces", "when do quinces ripen");
      JsonPath github = chat(alice, "When do my quinces ripen?");
      model.script("A grey heron, at dawn.", "Heron", "heron at the pond");
      JsonPath notion = chat(alice, "What fishes the pond?");

      assertThat(github.getString("references.context[0].file")).isEqualTo(base + "README.md");
      assertThat(github.getString("references.context[0].uri")).startsWith(base + "README.md");
      assertThat(notion.getString("references.context[0].file")).isEqualTo(pondUrl);
      assertThat(notion.getString("references.context[0].uri")).startsWith(pondUrl);
      // what the model was given: each source's text with the URL it came from
      List<String> prompts = model
          .server
          .findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v1/chat/completions"))
              .withRequestBody(WireMock.containing("You are Khoj")))
          .stream()
          .map(r -> r.getBodyAsString())
          .toList();
      assertThat(prompts)
          .anySatisfy(p ->
              assertThat(p).contains("quinces ripen in late October").contains(base + "README.md"));
      assertThat(prompts)
          .anySatisfy(p -> assertThat(p).contains("grey heron fishes the pond").contains(pondUrl));
    } finally {
      FakeOpenAi.removeAllModels(TestUsers.createAdmin());
      model.stop();
    }
  }

  private static JsonPath chat(TestUser user, String q) {
    return user.request()
        .contentType("application/json")
        .body(Map.of("q", q))
        .post("/api/chat?client=test")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void theScheduledSyncRunsEveryUsersConnectors() {
    TestUser alice = TestUsers.create();
    String owner = "sched-" + UUID.randomUUID().toString().substring(0, 8);
    String token = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    stubRepo(
        owner,
        "plans",
        token,
        List.of(new GhFile("plan.md", sha(owner), "# Plan\n\nRepaint the shed.\n")));
    saveGithub(alice, token, owner, "plans");

    assertThat(syncAll.syncAll()).isPositive();

    assertThat(files(alice))
        .containsExactly("https://github.com/" + owner + "/plans/blob/main/plan.md");
  }

  // ------------------------------------------------------------------ Notion OAuth

  static String state(String oauthUrl) {
    String query = URI.create(oauthUrl).getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith("state=")) {
        return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no state in " + oauthUrl);
  }

  @Test
  void notionOAuthStateIsBoundToTheSignedInUserAndWorksOnce() throws Exception {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String code = "code-" + UUID.randomUUID();
    vendor()
        .stubFor(post("/v1/oauth/token")
            .withBasicAuth("notion-client", "notion-secret")
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(code))
            .willReturn(
                okJson("{\"access_token\":\"secret_from_oauth\",\"token_type\":\"bearer\"}")));

    String url = alice
        .request()
        .queryParam("detailed", true)
        .get("/api/settings")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("notion_oauth_url");
    assertThat(url)
        .startsWith("https://api.notion.com/v1/oauth/authorize?")
        .contains("client_id=notion-client")
        .contains("response_type=code")
        .doesNotContain(alice.id().toString());
    String state = state(url);

    bob.request()
        .redirects()
        .follow(false)
        .queryParam("code", code)
        .queryParam("state", state)
        .get("/api/notion/auth/callback")
        .then()
        .statusCode(400)
        .body("detail", equalTo("Invalid state parameter"));
    // Bob's attempt used the state up: Alice needs a fresh one
    String fresh = state(alice
        .request()
        .queryParam("detailed", true)
        .get("/api/settings")
        .then()
        .extract()
        .jsonPath()
        .getString("notion_oauth_url"));
    alice
        .request()
        .redirects()
        .follow(false)
        .queryParam("state", fresh)
        .get("/api/notion/auth/callback")
        .then()
        .statusCode(400)
        .body("detail", equalTo("Missing code or state"));
    alice
        .request()
        .redirects()
        .follow(false)
        .queryParam("code", code)
        .queryParam("state", fresh)
        .get("/api/notion/auth/callback")
        .then()
        .statusCode(307)
        .header("Location", containsString("/settings"));
    alice
        .request()
        .redirects()
        .follow(false)
        .queryParam("code", code)
        .queryParam("state", fresh)
        .get("/api/notion/auth/callback")
        .then()
        .statusCode(400);

    alice
        .request()
        .get("/api/content/notion")
        .then()
        .statusCode(200)
        .body("current_config.token", equalTo("secret_from_oauth"));
    bob.request()
        .get("/api/content/notion")
        .then()
        .statusCode(200)
        .body("current_config.token", equalTo(""));
    assertThat(sealedToken("notion_connectors", alice)).doesNotContain("secret_from_oauth");
    // signed out (the session lapsed while at Notion): sent to sign in and back, as Khoj does,
    // nothing exchanged
    given()
        .redirects()
        .follow(false)
        .queryParam("code", code)
        .queryParam("state", "x")
        .get("/api/notion/auth/callback")
        .then()
        .statusCode(303)
        .header(
            "Location",
            equalTo("/login?next="
                + java.net.URLEncoder.encode(
                    "/api/notion/auth/callback?code=" + code + "&state=x",
                    java.nio.charset.StandardCharsets.UTF_8)));
  }
}
