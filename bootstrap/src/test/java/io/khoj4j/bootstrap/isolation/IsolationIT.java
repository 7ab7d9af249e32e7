package io.khoj4j.bootstrap.isolation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Isolation between users. Alice owns a note, a conversation with a title and file filters, a public copy of it and
 * an API token. Bob then calls every route of the server against Alice's things (her file name, conversation id,
 * message turn, share slug, user id, token), trying to read, change and delete them. Afterwards:
 *
 * <ul>
 *   <li>no answer Bob got contains anything of Alice's (her note's text, her e-mail, her conversation's title, her
 *       token), except the routes that are public by design;
 *   <li>everything of Alice's is still there, unchanged.
 * </ul>
 *
 * <p>Every route in the OpenAPI document must have a probe below or be listed in {@link #NOT_OWNED_DATA}: a new
 * route fails this test until it joins with one line.
 */
@QuarkusTest
class IsolationIT {

  /** Routes that address no user's data, with the reason. Everything else gets a probe. */
  static final Map<String, String> NOT_OWNED_DATA =
      Map.of(
          "GET /api/health", "a ping",
          "GET /login", "says how to sign in",
          "GET /auth/login", "single sign-on entry",
          "POST /auth/login", "password sign-in: the caller's own credentials",
          "GET /auth/magic", "magic-link redemption: needs the code mailed to the owner",
          "POST /auth/magic", "magic-link request: mails only the address's owner",
          "GET /auth/logout", "ends the caller's own session",
          "GET /api/chat/options", "the same tool list for everyone",
          "GET /api/chat/starters", "the same starter questions for everyone",
          "GET /api/model/chat/options", "the server's model list, the same for everyone");

  /** Routes whose answers are meant for anyone holding the link: Alice published them. */
  static final Set<String> PUBLIC_BY_DESIGN = Set.of("GET /api/chat/share/history", "POST /api/chat/share/fork");

  private record Probe(String route, BiFunction<RequestSpecification, Alice, Response> call) {}

  /** What Alice owns, and the strings that must never reach Bob. */
  private record Alice(
      TestUser user, String file, String conversation, String turn, String publicSlug, String tokenShown,
      String marker, String title) {

    List<String> secrets() {
      return List.of(marker, user.email(), title, user.token(), tokenShown);
    }
  }

  private static FakeOpenAi openAi;
  private static Alice alice;
  private static TestUser bob;

  private static Probe probe(String route, BiFunction<RequestSpecification, Alice, Response> call) {
    return new Probe(route, call);
  }

  private static Probe get(String route, String url) {
    return probe(route, (bob, a) -> bob.get(fill(url, a)));
  }

  private static Probe delete(String route, String url) {
    return probe(route, (bob, a) -> bob.delete(fill(url, a)));
  }

  private static Probe json(String route, String url, String body) {
    String method = route.substring(0, route.indexOf(' '));
    return probe(route, (bob, a) -> bob.contentType(ContentType.JSON).body(fill(body, a)).request(method, fill(url, a)));
  }

  private static Probe upload(String route) {
    String method = route.substring(0, route.indexOf(' '));
    return probe(route, (bob, a) -> {
      Multipart files = Multipart.files().add(a.file(), "text/markdown", "# Bob's note\nBob writes about kites.\n");
      return bob.contentType(files.contentType()).body(files.body()).request(method, "/api/content");
    });
  }

  private static String fill(String template, Alice a) {
    return template
        .replace("{file}", a.file())
        .replace("{conversation}", a.conversation())
        .replace("{turn}", a.turn())
        .replace("{slug}", a.publicSlug())
        .replace("{user}", a.user().id().toString())
        .replace("{token}", a.tokenShown())
        .replace("{secret}", a.user().token());
  }

  /** One line per route. Bob copies Alice's public conversation near the end, and deletes his account last. */
  static final List<Probe> PROBES =
      List.of(
          // content
          upload("PATCH /api/content"),
          upload("PUT /api/content"),
          get("GET /api/content/file", "/api/content/file?file_name={file}"),
          delete("DELETE /api/content/file", "/api/content/file?filename={file}"),
          get("GET /api/content/files", "/api/content/files?truncated=false"),
          json("DELETE /api/content/files", "/api/content/files", "{\"files\":[\"{file}\"]}"),
          get("GET /api/content/size", "/api/content/size"),
          get("GET /api/content/types", "/api/content/types"),
          get("GET /api/content/{contentSource}", "/api/content/computer"),
          delete("DELETE /api/content/type/{contentType}", "/api/content/type/markdown"),
          delete("DELETE /api/content/source/{contentSource}", "/api/content/source/computer"),
          // search
          get("GET /api/search", "/api/search?q=zebra&n=10"),
          // chat and conversations
          json("POST /api/chat", "/api/chat",
              "{\"q\":\"what about zebras?\",\"conversation_id\":\"{conversation}\",\"stream\":false}"),
          get("GET /api/chat/history", "/api/chat/history?conversation_id={conversation}"),
          delete("DELETE /api/chat/history", "/api/chat/history?conversation_id={conversation}"),
          get("GET /api/chat/sessions", "/api/chat/sessions"),
          probe("POST /api/chat/sessions", (bob, a) -> bob.post("/api/chat/sessions")),
          probe("POST /api/chat/share", (bob, a) -> bob.post(fill("/api/chat/share?conversation_id={conversation}", a))),
          delete("DELETE /api/chat/share", "/api/chat/share?public_conversation_slug={slug}"),
          get("GET /api/chat/share/history", "/api/chat/share/history?public_conversation_slug={slug}"),
          probe("PATCH /api/chat/title",
              (bob, a) -> bob.patch(fill("/api/chat/title?conversation_id={conversation}&title=Bob+was+here", a))),
          probe("POST /api/chat/title", (bob, a) -> bob.post(fill("/api/chat/title?conversation_id={conversation}", a))),
          json("DELETE /api/chat/conversation/message", "/api/chat/conversation/message",
              "{\"conversation_id\":\"{conversation}\",\"turn_id\":\"{turn}\"}"),
          get("GET /api/chat/conversation/file-filters/{conversationId}",
              "/api/chat/conversation/file-filters/{conversation}"),
          json("POST /api/chat/conversation/file-filters", "/api/chat/conversation/file-filters",
              "{\"filename\":\"{file}\",\"conversation_id\":\"{conversation}\"}"),
          json("DELETE /api/chat/conversation/file-filters", "/api/chat/conversation/file-filters",
              "{\"filename\":\"{file}\",\"conversation_id\":\"{conversation}\"}"),
          json("POST /api/chat/conversation/file-filters/bulk", "/api/chat/conversation/file-filters/bulk",
              "{\"filenames\":[\"{file}\"],\"conversation_id\":\"{conversation}\"}"),
          json("DELETE /api/chat/conversation/file-filters/bulk", "/api/chat/conversation/file-filters/bulk",
              "{\"filenames\":[\"{file}\"],\"conversation_id\":\"{conversation}\"}"),
          get("GET /api/chat/export", "/api/chat/export?limit=100"),
          get("GET /api/chat/stats", "/api/chat/stats"),
          // models
          get("GET /api/model/chat", "/api/model/chat"),
          probe("POST /api/model/chat", (bob, a) -> bob.post("/api/model/chat?id=999999")),
          // tokens
          get("GET /auth/token", "/auth/token"),
          probe("POST /auth/token", (bob, a) -> bob.post("/auth/token")),
          delete("DELETE /auth/token", "/auth/token?token={token}"),
          probe("DELETE /auth/token", (bob, a) -> bob.delete(fill("/auth/token?token={secret}", a))),
          // administration (Bob is not an administrator)
          get("GET /api/admin/users", "/api/admin/users"),
          json("POST /api/admin/users", "/api/admin/users", "{\"email\":\"bob-admin@example.org\",\"is_admin\":true}"),
          delete("DELETE /api/admin/users/{id}", "/api/admin/users/{user}"),
          get("GET /api/admin/users/{id}/tokens", "/api/admin/users/{user}/tokens"),
          probe("POST /api/admin/users/{id}/tokens", (bob, a) -> bob.post(fill("/api/admin/users/{user}/tokens", a))),
          delete("DELETE /api/admin/users/{id}/tokens", "/api/admin/users/{user}/tokens?token={token}"),
          get("GET /api/admin/model-apis", "/api/admin/model-apis"),
          json("POST /api/admin/model-apis", "/api/admin/model-apis", "{\"name\":\"x\",\"api_key\":\"k\"}"),
          json("PUT /api/admin/model-apis/{id}", "/api/admin/model-apis/1", "{\"name\":\"x\"}"),
          delete("DELETE /api/admin/model-apis/{id}", "/api/admin/model-apis/1"),
          get("GET /api/admin/chat-models", "/api/admin/chat-models"),
          json("POST /api/admin/chat-models", "/api/admin/chat-models", "{\"name\":\"x\"}"),
          json("PUT /api/admin/chat-models/{id}", "/api/admin/chat-models/1", "{\"name\":\"x\"}"),
          delete("DELETE /api/admin/chat-models/{id}", "/api/admin/chat-models/1"),
          json("PUT /api/admin/chat-models/default", "/api/admin/chat-models/default", "{\"chat_model_id\":1}"),
          // the account
          get("GET /api/v1/user", "/api/v1/user"),
          get("GET /api/settings", "/api/settings?detailed=true"),
          probe("PATCH /api/user/name", (bob, a) -> bob.patch("/api/user/name?name=Mallory")),
          // Alice published this conversation: Bob may copy it. Last but one, as Bob then owns what he copied.
          probe("POST /api/chat/share/fork",
              (bob, a) -> bob.post(fill("/api/chat/share/fork?public_conversation_slug={slug}", a))),
          delete("DELETE /api/self", "/api/self"));

  @AfterAll
  static void stop() {
    if (openAi != null) {
      openAi.stop();
    }
  }

  private static void prepare() {
    if (alice != null) {
      return;
    }
    openAi = new FakeOpenAi().start();
    openAi.configureAsDefault(TestUsers.createAdmin());
    String marker = "zebra-" + UUID.randomUUID();
    String title = "Alice's plans " + UUID.randomUUID();
    openAi.script("Your note says " + marker + ".", "Zebra notes", "zebra");

    TestUser user = TestUsers.create();
    String file = "/home/alice/notes/zebra-" + UUID.randomUUID() + ".md";
    Multipart notes = Multipart.files().add(file, "text/markdown", "# Zebras\nThe secret word is " + marker + ".\n");
    user.request().contentType(notes.contentType()).body(notes.body()).patch("/api/content").then().statusCode(200);

    String conversation = user.request().post("/api/chat/sessions").then().statusCode(200)
        .extract().path("conversation_id");
    user.request().contentType(ContentType.JSON)
        .body("{\"q\":\"what is the secret word?\",\"conversation_id\":\"" + conversation + "\",\"stream\":false}")
        .post("/api/chat").then().statusCode(200);
    user.request().queryParam("conversation_id", conversation).queryParam("title", title)
        .patch("/api/chat/title").then().statusCode(200);
    user.request().contentType(ContentType.JSON)
        .body("{\"filename\":\"" + file + "\",\"conversation_id\":\"" + conversation + "\"}")
        .post("/api/chat/conversation/file-filters").then().statusCode(200);
    String turn = user.request().queryParam("conversation_id", conversation).get("/api/chat/history")
        .then().statusCode(200).extract().path("response.chat[0].turnId");
    String shareUrl = user.request().queryParam("conversation_id", conversation).post("/api/chat/share")
        .then().statusCode(200).extract().path("url");
    String slug = shareUrl.replaceAll(".*/share/chat/([^/]+)/?$", "$1");
    String tokenShown = user.request().get("/auth/token").then().statusCode(200).extract().path("[0].token");

    alice = new Alice(user, file, conversation, turn, slug, tokenShown, marker, title);
    bob = TestUsers.create();
    openAi.script("Nothing about that in your notes.", "Bob's chat", "kites"); // Bob's model answers are neutral
  }

  @Test
  void bobCanNeitherSeeNorChangeAnythingOfAlices() {
    prepare();
    Snapshot before = Snapshot.of(alice);

    List<String> leaks = new ArrayList<>();
    for (Probe p : PROBES) {
      Response r = p.call().apply(bob.request().redirects().follow(false).urlEncodingEnabled(true), alice);
      if (PUBLIC_BY_DESIGN.contains(p.route())) {
        continue;
      }
      String body = r.asString();
      for (String secret : alice.secrets()) {
        if (body.contains(secret)) {
          leaks.add(p.route() + " (" + r.statusCode() + ") revealed " + secret);
        }
      }
      if (r.statusCode() >= 500) {
        leaks.add(p.route() + " failed with " + r.statusCode() + ": " + body);
      }
    }

    assertThat(leaks).as("answers to Bob that reveal Alice's data").isEmpty();
    assertThat(Snapshot.of(alice)).as("Alice's data after Bob's attempts").isEqualTo(before);
  }

  @Test
  void everyRouteHasAProbeOrAReason() {
    Set<String> covered = new TreeSet<>(NOT_OWNED_DATA.keySet());
    PROBES.forEach(p -> covered.add(p.route()));
    Set<String> missing = new TreeSet<>(Routes.all());
    missing.removeAll(covered);
    Set<String> stale = new TreeSet<>(covered);
    stale.removeAll(Routes.all());

    assertThat(missing).as("routes without an isolation probe: add one line to PROBES").isEmpty();
    assertThat(stale).as("probes for routes that no longer exist").isEmpty();
  }

  /** Everything of Alice's that Bob's calls could have touched, as she sees it. */
  private record Snapshot(Map<String, Object> state) {

    static Snapshot of(Alice a) {
      RequestSpecification as = a.user().request();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("file", a.user().request().queryParam("file_name", a.file()).get("/api/content/file")
          .then().statusCode(200).extract().path("raw_text"));
      s.put("files", a.user().request().get("/api/content/files").then().statusCode(200).extract().path("files.file_name"));
      s.put("search", a.user().request().queryParam("q", "zebra").get("/api/search").then().statusCode(200)
          .extract().path("additional.file"));
      s.put("history", a.user().request().queryParam("conversation_id", a.conversation()).get("/api/chat/history")
          .then().statusCode(200).extract().path("response"));
      s.put("filters", a.user().request().get("/api/chat/conversation/file-filters/" + a.conversation())
          .then().statusCode(200).extract().asString());
      s.put("share", given().queryParam("public_conversation_slug", a.publicSlug()).get("/api/chat/share/history")
          .then().statusCode(200).extract().path("response.chat.size()"));
      s.put("tokens", a.user().request().get("/auth/token").then().statusCode(200).extract().path("token"));
      s.put("user", as.get("/api/v1/user").then().statusCode(200).extract().path("email"));
      s.put("settings", a.user().request().get("/api/settings").then().statusCode(200).extract().path("username"));
      s.put("model", a.user().request().get("/api/model/chat").then().statusCode(200).extract().asString());
      return new Snapshot(s);
    }
  }
}
