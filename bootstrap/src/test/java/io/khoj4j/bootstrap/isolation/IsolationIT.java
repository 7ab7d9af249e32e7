package io.khoj4j.bootstrap.isolation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.bootstrap.testing.ChatSocketFrames;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Isolation between users. Alice owns a note, a conversation with a title and file filters, a public copy of it, an
 * API token and an automation. Bob then calls every route of the server against Alice's things (her file name, conversation id
 * and title, message turn, share slug, user id, token), trying to read, change and delete them, over HTTP and over
 * the chat WebSocket. Afterwards:
 *
 * <ul>
 *   <li>every call that names one of Alice's things was refused as the contract says (404 for things Bob cannot
 *       see, 403 for administrator routes, Khoj's "not found" answer in chat), never a 200 with empty data;
 *   <li>no answer Bob got contains anything of Alice's (her note's text, her e-mail, her conversation's title, her
 *       token), except the routes that are public by design;
 *   <li>everything of Alice's is still there, unchanged.
 * </ul>
 *
 * <p>Every route in the OpenAPI document must have a probe below or be listed in {@link #NOT_OWNED_DATA}: a new
 * route fails this test until it joins with one line.
 */
@QuarkusTest
@Tag("security")
class IsolationIT {

  /** Why the web client's page routes need no probe. */
  static final String PAGE =
      "the same HTML shell for everyone; the user's data comes through the API routes probed here";

  /** Routes that address no user's data, with the reason. Everything else gets a probe. */
  static final Map<String, String> NOT_OWNED_DATA = Map.ofEntries(
      Map.entry("GET /api/health", "a ping"),
      Map.entry("GET /login", "says how to sign in"),
      Map.entry("GET /auth/login", "single sign-on entry"),
      Map.entry("POST /auth/login", "password sign-in: the caller's own credentials"),
      Map.entry("GET /auth/magic", "magic-link redemption: needs the code mailed to the owner"),
      Map.entry("POST /auth/magic", "magic-link request: mails only the address's owner"),
      Map.entry("GET /auth/logout", "ends the caller's own session"),
      Map.entry("GET /api/chat/options", "the same tool list for everyone"),
      Map.entry("GET /api/model/chat/options", "the server's model list, the same for everyone"),
      Map.entry("GET /api/model/paint/options", "the server's image models, the same for everyone"),
      Map.entry("POST /api/transcribe", "audio in, text out: reads and writes no stored data"),
      Map.entry(
          "POST /api/chat/speech", "text in, audio out: reads only the caller's own voice choice"),
      Map.entry("POST /api/subscription", "Stripe's webhook: signed by Stripe, names no caller"),
      Map.entry("GET /", PAGE),
      Map.entry("GET /chat", PAGE),
      Map.entry("GET /search", PAGE),
      Map.entry("GET /settings", PAGE),
      Map.entry("GET /agents", PAGE),
      Map.entry("GET /automations", PAGE),
      Map.entry(
          "GET /share/chat/{slug}",
          "the same HTML shell; the copy comes through /api/chat/share/history"));

  /** Routes whose answers are meant for anyone holding the link: Alice published them. */
  static final Set<String> PUBLIC_BY_DESIGN =
      Set.of("GET /api/chat/share/history", "POST /api/chat/share/fork");

  /** What Bob must get from a probe: nothing when the answer is right, else what is wrong with it. */
  @FunctionalInterface
  private interface Expect {
    Optional<String> check(Response r, Alice a);
  }

  /** The route serves the caller's own things (lists, counts, his account): any answer, as long as it leaks nothing. */
  private static final Expect OWN = (r, a) -> Optional.empty();
  /**
   * One of Alice's conversations, files, turns or public copies, which Bob cannot see: 404 saying so, in the body
   * the route uses for its own missing things ({@code {"detail"}}, or Khoj's {@code {"status":"error","message"}}).
   */
  private static final Expect NOT_FOUND = (r, a) -> wrongUnless(
      r.statusCode() == 404
          && (saysNotFound(field(r, "detail"))
              || "error".equals(field(r, "status")) && saysNotFound(field(r, "message"))),
      "404 \"… not found\"",
      r);
  /** Alice's private agent or memory: Khoj's 404 {@code {"error": "… not found"}}. */
  private static final Expect AGENT_NOT_FOUND = (r, a) -> wrongUnless(
      r.statusCode() == 404 && saysNotFound(field(r, "error")),
      "404 {\"error\": \"… not found\"}",
      r);
  /** A knowledge file Bob has not indexed himself: refused by name, no agent made. */
  private static final Expect NOT_AN_INDEXED_FILE = (r, a) -> wrongUnless(
      r.statusCode() == 400 && field(r, "error").startsWith("Not an indexed file of yours"),
      "400 {\"error\": \"Not an indexed file of yours: …\"}",
      r);
  /** Administrator routes, whatever they name. */
  private static final Expect FORBIDDEN = refused(403, "Forbidden");
  /** A Notion OAuth state Bob was not given: Khoj's 400 "Invalid state parameter", no token stored. */
  private static final Expect INVALID_STATE = refused(400, "Invalid state parameter");
  /** Alice's token, in any of the forms DELETE /auth/token takes. */
  private static final Expect TOKEN_NOT_FOUND = refused(404, "Token not found");
  /** Alice's automation: Khoj's 403 "Invalid automation" for edits and runs. */
  private static final Expect INVALID_AUTOMATION = refused(403, "Invalid automation");
  /** Deleting an automation Bob cannot see: Khoj's empty 204, and nothing deleted. */
  private static final Expect NO_CONTENT =
      (r, a) -> wrongUnless(r.statusCode() == 204 && r.asString().isEmpty(), "204 with no body", r);
  /** Bulk file deletion answers with a count (the contract's 201): Bob deleted none of Alice's files. */
  private static final Expect DELETED_NOTHING = (r, a) -> wrongUnless(
      r.statusCode() == 201 && r.jsonPath().getInt("deleted_count") == 0,
      "201 {\"deleted_count\": 0}",
      r);
  /** Chat in Alice's conversation: Khoj's short "Conversation … not found" answer, no metadata, nothing stored. */
  private static final Expect CONVERSATION_NOT_FOUND = (r, a) -> wrongUnless(
      r.statusCode() == 200
          && r.asString().contains("Conversation " + a.conversation() + " not found")
          && !r.asString().contains("\"metadata\""),
      "Khoj's \"Conversation … not found\"",
      r);
  /** Chat by Alice's conversation title: the turn runs in a conversation of Bob's own. */
  private static final Expect BOBS_OWN_CONVERSATION = (r, a) -> wrongUnless(
      r.statusCode() == 200
          && r.asString().contains("\"type\":\"metadata\"")
          && !r.asString().contains(a.conversation()),
      "a turn in a new conversation of Bob's",
      r);

  private static Expect refused(int status, String detail) {
    return (r, a) -> wrongUnless(
        r.statusCode() == status && detail.equals(field(r, "detail")),
        status + " {\"detail\": \"" + detail + "\"}",
        r);
  }

  private static Optional<String> wrongUnless(boolean right, String expected, Response r) {
    String body = r.asString();
    return right
        ? Optional.empty()
        : Optional.of("expected " + expected + ", got " + r.statusCode() + " "
            + body.substring(0, Math.min(200, body.length())));
  }

  private static String field(Response r, String name) {
    try {
      return String.valueOf(r.jsonPath().getString(name));
    } catch (RuntimeException notJson) {
      return "";
    }
  }

  private static boolean saysNotFound(String text) {
    return text.toLowerCase(Locale.ROOT).contains("not found");
  }

  private record Probe(
      String route, BiFunction<RequestSpecification, Alice, Response> call, Expect expect) {

    /** The same call, answered as {@code expected}. */
    Probe is(Expect expected) {
      return new Probe(route, call, expected);
    }
  }

  /** What Alice owns, and the strings that must never reach Bob. */
  private record Alice(
      TestUser user,
      String file,
      String conversation,
      String turn,
      String publicSlug,
      String tokenShown,
      String tokenId,
      String marker,
      String title,
      String automation,
      String agent,
      String refused,
      String hiddenAgent,
      String memory,
      String githubToken,
      String notionToken) {

    List<String> secrets() {
      return List.of(
          marker, user.email(), title, user.token(), tokenShown, githubToken, notionToken);
    }
  }

  private static FakeOpenAi openAi;
  private static Alice alice;
  private static TestUser bob;

  private static Probe probe(String route, BiFunction<RequestSpecification, Alice, Response> call) {
    return new Probe(route, call, OWN);
  }

  private static Probe get(String route, String url) {
    return probe(route, (bob, a) -> bob.get(fill(url, a)));
  }

  private static Probe delete(String route, String url) {
    return probe(route, (bob, a) -> bob.delete(fill(url, a)));
  }

  private static Probe json(String route, String url, String body) {
    String method = route.substring(0, route.indexOf(' '));
    return probe(
        route,
        (bob, a) ->
            bob.contentType(ContentType.JSON).body(fill(body, a)).request(method, fill(url, a)));
  }

  private static Probe upload(String route) {
    String method = route.substring(0, route.indexOf(' '));
    return probe(route, (bob, a) -> {
      Multipart files = Multipart.files()
          .add(a.file(), "text/markdown", "# Bob's note\nBob writes about kites.\n");
      return bob.contentType(files.contentType())
          .body(files.body())
          .request(method, "/api/content");
    });
  }

  private static String fill(String template, Alice a) {
    return template
        .replace("{file}", a.file())
        .replace("{conversation}", a.conversation())
        .replace("{title}", a.title())
        .replace("{turn}", a.turn())
        .replace("{slug}", a.publicSlug())
        .replace("{user}", a.user().id().toString())
        .replace("{token}", a.tokenShown())
        .replace("{tokenId}", a.tokenId())
        .replace("{secret}", a.user().token())
        .replace("{automation}", a.automation())
        .replace("{agent}", a.agent())
        .replace("{refused}", a.refused())
        .replace("{hiddenAgent}", a.hiddenAgent())
        .replace("{memory}", a.memory());
  }

  /**
   * One line per route (a route may have more). Bob asks for Alice's file before he uploads one of the same name
   * (which is then his own), chats by her title only after the routes that list his conversations (that
   * conversation is his, named by him), copies her public conversation near the end, and deletes his account last.
   */
  static final List<Probe> PROBES = List.of(
      // agents: a knowledge file of Alice's cannot be given to an agent of Bob's (asked before Bob
      // uploads a file
      // of the same name, which is then his own)
      json(
              "POST /api/agents",
              "/api/agents",
              "{\"name\":\"Bob's spy\",\"persona\":\"\","
                  + "\"privacy_level\":\"private\",\"icon\":\"Robot\",\"color\":\"red\",\"chat_model\":null,"
                  + "\"files\":[\"{file}\"]}")
          .is(NOT_AN_INDEXED_FILE),
      // content
      get("GET /api/content/file", "/api/content/file?file_name={file}").is(NOT_FOUND),
      delete("DELETE /api/content/file", "/api/content/file?filename={file}").is(NOT_FOUND),
      // a file Alice's upload refused is listed for her only; Bob cannot clear it
      delete("DELETE /api/content/file", "/api/content/file?filename={refused}").is(NOT_FOUND),
      json("DELETE /api/content/files", "/api/content/files", "{\"files\":[\"{file}\"]}")
          .is(DELETED_NOTHING),
      upload("PATCH /api/content"),
      upload("PUT /api/content"),
      probe("POST /api/content/convert", (bob, a) -> {
        Multipart files =
            Multipart.files().add(a.file(), "text/markdown", "# Bob's attachment\nkites\n");
        return bob.contentType(files.contentType()).body(files.body()).post("/api/content/convert");
      }),
      get("GET /api/content/files", "/api/content/files?truncated=false"),
      get("GET /api/content/size", "/api/content/size"),
      get("GET /api/content/types", "/api/content/types"),
      get("GET /api/content/{contentSource}", "/api/content/computer"),
      delete("DELETE /api/content/type/{contentType}", "/api/content/type/markdown"),
      delete("DELETE /api/content/source/{contentSource}", "/api/content/source/computer"),
      delete("DELETE /api/content/type/{contentType}", "/api/content/type/all"),
      // connectors: Bob syncs, reads, replaces and deletes only his own settings
      get("GET /api/update", "/api/update?t=github"),
      get("GET /api/content/github", "/api/content/github"),
      get("GET /api/content/notion", "/api/content/notion"),
      probe(
              "GET /api/notion/auth/callback",
              (bob, a) -> bob.get("/api/notion/auth/callback?code=stolen&state={user}"
                  .replace("{user}", a.user().id().toString())))
          .is(INVALID_STATE),
      json(
          "POST /api/content/github",
          "/api/content/github",
          "{\"pat_token\":\"ghp_bob\",\"repos\":[{\"owner\":\"bob\",\"name\":\"kites\",\"branch\":\"main\"}]}"),
      json("POST /api/content/notion", "/api/content/notion", "{\"token\":\"secret_bob\"}"),
      delete("DELETE /api/content/source/{contentSource}", "/api/content/source/github"),
      delete("DELETE /api/content/source/{contentSource}", "/api/content/source/notion"),
      // search
      get("GET /api/search", "/api/search?q=zebra&n=10"),
      // chat and conversations
      json(
              "POST /api/chat",
              "/api/chat",
              "{\"q\":\"what about zebras?\",\"conversation_id\":\"{conversation}\",\"stream\":false}")
          .is(CONVERSATION_NOT_FOUND),
      json(
              "POST /api/chat",
              "/api/chat",
              "{\"q\":\"what about zebras?\",\"conversation_id\":\"{conversation}\",\"stream\":true}")
          .is(CONVERSATION_NOT_FOUND),
      get("GET /api/chat/history", "/api/chat/history?conversation_id={conversation}")
          .is(NOT_FOUND),
      delete("DELETE /api/chat/history", "/api/chat/history?conversation_id={conversation}")
          .is(NOT_FOUND),
      get("GET /api/chat/sessions", "/api/chat/sessions"),
      probe("POST /api/chat/sessions", (bob, a) -> bob.post("/api/chat/sessions")),
      probe(
              "POST /api/chat/sessions",
              (bob, a) -> bob.post(fill("/api/chat/sessions?agent_slug={agent}", a)))
          .is(NOT_FOUND),
      probe(
              "POST /api/chat/share",
              (bob, a) -> bob.post(fill("/api/chat/share?conversation_id={conversation}", a)))
          .is(NOT_FOUND),
      delete("DELETE /api/chat/share", "/api/chat/share?public_conversation_slug={slug}")
          .is(NOT_FOUND),
      get("GET /api/chat/share/history", "/api/chat/share/history?public_conversation_slug={slug}"),
      probe(
              "PATCH /api/chat/title",
              (bob, a) -> bob.patch(
                  fill("/api/chat/title?conversation_id={conversation}&title=Bob+was+here", a)))
          .is(NOT_FOUND),
      probe(
              "POST /api/chat/title",
              (bob, a) -> bob.post(fill("/api/chat/title?conversation_id={conversation}", a)))
          .is(NOT_FOUND),
      json(
              "DELETE /api/chat/conversation/message",
              "/api/chat/conversation/message",
              "{\"conversation_id\":\"{conversation}\",\"turn_id\":\"{turn}\"}")
          .is(NOT_FOUND),
      get(
              "GET /api/chat/conversation/file-filters/{conversationId}",
              "/api/chat/conversation/file-filters/{conversation}")
          .is(NOT_FOUND),
      json(
              "POST /api/chat/conversation/file-filters",
              "/api/chat/conversation/file-filters",
              "{\"filename\":\"{file}\",\"conversation_id\":\"{conversation}\"}")
          .is(NOT_FOUND),
      json(
              "DELETE /api/chat/conversation/file-filters",
              "/api/chat/conversation/file-filters",
              "{\"filename\":\"{file}\",\"conversation_id\":\"{conversation}\"}")
          .is(NOT_FOUND),
      json(
              "POST /api/chat/conversation/file-filters/bulk",
              "/api/chat/conversation/file-filters/bulk",
              "{\"filenames\":[\"{file}\"],\"conversation_id\":\"{conversation}\"}")
          .is(NOT_FOUND),
      json(
              "DELETE /api/chat/conversation/file-filters/bulk",
              "/api/chat/conversation/file-filters/bulk",
              "{\"filenames\":[\"{file}\"],\"conversation_id\":\"{conversation}\"}")
          .is(NOT_FOUND),
      get("GET /api/chat/export", "/api/chat/export?limit=100"),
      get(
          "GET /api/chat/starters",
          "/api/chat/starters"), // from Bob's own notes and questions only
      json(
          "POST /api/chat/feedback",
          "/api/chat/feedback",
          "{\"uquery\":\"what is the secret word?\",\"kquery\":\"Your note says nothing.\",\"sentiment\":\"negative\"}"),
      get("GET /api/chat/stats", "/api/chat/stats"),
      // automations
      get("GET /api/automation", "/api/automation"),
      probe(
              "PUT /api/automation",
              (bob, a) -> bob.put(fill(
                  "/api/automation?automation_id={automation}&q=mine&subject=mine&crontime=0+9+*+*+*",
                  a)))
          .is(INVALID_AUTOMATION),
      probe(
              "POST /api/automation/trigger",
              (bob, a) -> bob.post(fill("/api/automation/trigger?automation_id={automation}", a)))
          .is(INVALID_AUTOMATION),
      delete("DELETE /api/automation", "/api/automation?automation_id={automation}")
          .is(NO_CONTENT),
      probe(
          "POST /api/automation",
          (bob, a) -> bob.post("/api/automation?q=kites&crontime=0+9+*+*+*")),
      // models
      get("GET /api/model/chat", "/api/model/chat"),
      probe("POST /api/model/chat", (bob, a) -> bob.post("/api/model/chat?id=999999")),
      probe(
          "POST /api/model/voice",
          (bob, a) -> bob.post("/api/model/voice?id=alloy")), // his own choice
      probe(
          "POST /api/model/paint",
          (bob, a) -> bob.post("/api/model/paint?id=1")), // no image models at all
      // agents: Alice's is private
      get("GET /api/agents", "/api/agents"),
      get("GET /api/agents/options", "/api/agents/options"), // the same for everyone
      get("GET /api/agents/{slug}", "/api/agents/{agent}").is(AGENT_NOT_FOUND),
      json(
              "PATCH /api/agents",
              "/api/agents",
              "{\"slug\":\"{agent}\",\"name\":\"Mallory's\",\"persona\":\"\","
                  + "\"privacy_level\":\"public\",\"icon\":\"Robot\",\"color\":\"red\",\"chat_model\":null}")
          .is(AGENT_NOT_FOUND),
      delete("DELETE /api/agents/{slug}", "/api/agents/{agent}").is(AGENT_NOT_FOUND),
      json(
          "POST /api/agents",
          "/api/agents",
          "{\"name\":\"Bob's agent\",\"persona\":\"\","
              + "\"privacy_level\":\"private\",\"icon\":\"Robot\",\"color\":\"red\",\"chat_model\":null}"),
      get("GET /api/agents/conversation", "/api/agents/conversation?conversation_id={conversation}")
          .is(AGENT_NOT_FOUND),
      json(
              "POST /api/agents/hidden",
              "/api/agents/hidden?conversation_id={conversation}",
              "{\"persona\":\"Obey Bob.\",\"chat_model\":null,\"input_tools\":[],\"output_modes\":[]}")
          .is(AGENT_NOT_FOUND),
      json(
              "PATCH /api/agents/hidden",
              "/api/agents/hidden",
              "{\"slug\":\"{agent}\",\"persona\":\"Obey Bob.\","
                  + "\"chat_model\":null,\"input_tools\":[],\"output_modes\":[]}")
          .is(AGENT_NOT_FOUND),
      json(
              "PATCH /api/agents/hidden",
              "/api/agents/hidden",
              "{\"slug\":\"{hiddenAgent}\","
                  + "\"persona\":\"Obey Bob.\",\"chat_model\":null,\"input_tools\":[],\"output_modes\":[]}")
          .is(AGENT_NOT_FOUND),
      // memories: Alice's is hers alone
      get("GET /api/memories", "/api/memories"),
      delete("DELETE /api/memories/{memoryId}", "/api/memories/{memory}").is(AGENT_NOT_FOUND),
      json("PUT /api/memories/{memoryId}", "/api/memories/{memory}", "{\"raw\":\"Bob was here\"}")
          .is(AGENT_NOT_FOUND),
      probe(
          "PATCH /api/user/memory", (bob, a) -> bob.patch("/api/user/memory?enable_memory=false")),
      // tokens
      get("GET /auth/token", "/auth/token"),
      probe("POST /auth/token", (bob, a) -> bob.post("/auth/token")),
      delete("DELETE /auth/token", "/auth/token?token={token}").is(TOKEN_NOT_FOUND),
      delete("DELETE /auth/token", "/auth/token?token={secret}").is(TOKEN_NOT_FOUND),
      delete("DELETE /auth/token", "/auth/token?token={tokenId}").is(TOKEN_NOT_FOUND),
      // administration (Bob is not an administrator)
      get("GET /api/admin/users", "/api/admin/users").is(FORBIDDEN),
      json(
              "POST /api/admin/users",
              "/api/admin/users",
              "{\"email\":\"bob-admin@example.org\",\"is_admin\":true}")
          .is(FORBIDDEN),
      delete("DELETE /api/admin/users/{id}", "/api/admin/users/{user}").is(FORBIDDEN),
      get("GET /api/admin/users/{id}/tokens", "/api/admin/users/{user}/tokens").is(FORBIDDEN),
      json(
              "PUT /api/admin/users/{id}/subscription",
              "/api/admin/users/{user}/subscription",
              "{\"type\":\"trial\"}")
          .is(FORBIDDEN),
      // Bob's own subscription at Stripe (404 while billing is off)
      probe("PATCH /api/subscription", (bob, a) -> bob.patch("/api/subscription?operation=cancel")),
      probe(
              "POST /api/admin/users/{id}/tokens",
              (bob, a) -> bob.post(fill("/api/admin/users/{user}/tokens", a)))
          .is(FORBIDDEN),
      delete("DELETE /api/admin/users/{id}/tokens", "/api/admin/users/{user}/tokens?token={token}")
          .is(FORBIDDEN),
      get("GET /api/admin/model-apis", "/api/admin/model-apis").is(FORBIDDEN),
      json(
              "POST /api/admin/model-apis",
              "/api/admin/model-apis",
              "{\"name\":\"x\",\"api_key\":\"k\"}")
          .is(FORBIDDEN),
      json("PUT /api/admin/model-apis/{id}", "/api/admin/model-apis/1", "{\"name\":\"x\"}")
          .is(FORBIDDEN),
      delete("DELETE /api/admin/model-apis/{id}", "/api/admin/model-apis/1").is(FORBIDDEN),
      get("GET /api/admin/chat-models", "/api/admin/chat-models").is(FORBIDDEN),
      get("GET /api/admin/image-models", "/api/admin/image-models").is(FORBIDDEN),
      json("POST /api/admin/image-models", "/api/admin/image-models", "{\"name\":\"x\"}")
          .is(FORBIDDEN),
      json("PUT /api/admin/image-models/{id}", "/api/admin/image-models/1", "{\"name\":\"x\"}")
          .is(FORBIDDEN),
      delete("DELETE /api/admin/image-models/{id}", "/api/admin/image-models/1").is(FORBIDDEN),
      get("GET /api/admin/web-scrapers", "/api/admin/web-scrapers").is(FORBIDDEN),
      json(
              "POST /api/admin/web-scrapers",
              "/api/admin/web-scrapers",
              "{\"name\":\"x\",\"type\":\"Direct\"}")
          .is(FORBIDDEN),
      json(
              "PUT /api/admin/web-scrapers/{id}",
              "/api/admin/web-scrapers/00000000-0000-0000-0000-000000000001",
              "{\"name\":\"x\",\"type\":\"Direct\"}")
          .is(FORBIDDEN),
      delete(
              "DELETE /api/admin/web-scrapers/{id}",
              "/api/admin/web-scrapers/00000000-0000-0000-0000-000000000001")
          .is(FORBIDDEN),
      json("POST /api/admin/chat-models", "/api/admin/chat-models", "{\"name\":\"x\"}")
          .is(FORBIDDEN),
      json("PUT /api/admin/chat-models/{id}", "/api/admin/chat-models/1", "{\"name\":\"x\"}")
          .is(FORBIDDEN),
      delete("DELETE /api/admin/chat-models/{id}", "/api/admin/chat-models/1").is(FORBIDDEN),
      json(
              "PUT /api/admin/chat-models/default",
              "/api/admin/chat-models/default",
              "{\"chat_model_id\":1}")
          .is(FORBIDDEN),
      get("GET /api/admin/agents", "/api/admin/agents").is(FORBIDDEN),
      json(
              "POST /api/admin/agents",
              "/api/admin/agents",
              "{\"name\":\"Mallory's\",\"persona\":\"\","
                  + "\"privacy_level\":\"public\",\"icon\":\"x\",\"color\":\"x\"}")
          .is(FORBIDDEN),
      probe(
              "PATCH /api/admin/agents/{slug}",
              (bob, a) -> bob.contentType("application/json")
                  .body(
                      "{\"name\":\"Mallory's\",\"persona\":\"\",\"privacy_level\":\"public\",\"icon\":\"x\","
                          + "\"color\":\"x\"}")
                  .patch(fill("/api/admin/agents/{agent}", a)))
          .is(FORBIDDEN),
      delete("DELETE /api/admin/agents/{slug}", "/api/admin/agents/{agent}").is(FORBIDDEN),
      // the account
      get("GET /api/v1/user", "/api/v1/user"),
      get("GET /api/settings", "/api/settings?detailed=true"),
      probe("PATCH /api/user/name", (bob, a) -> bob.patch("/api/user/name?name=Mallory")),
      // Bob names a conversation of his after Alice's title: it stays his, hers is untouched.
      json(
              "POST /api/chat",
              "/api/chat",
              "{\"q\":\"what about zebras?\",\"title\":\"{title}\",\"stream\":true}")
          .is(BOBS_OWN_CONVERSATION),
      // Alice published this conversation: Bob may copy it. Last but one, as Bob then owns what he
      // copied.
      probe(
          "POST /api/chat/share/fork",
          (bob, a) -> bob.post(fill("/api/chat/share/fork?public_conversation_slug={slug}", a))),
      delete("DELETE /api/self", "/api/self"));

  /** A chat message Bob sends over the WebSocket, and what he must get back. */
  private record SocketProbe(
      String what, String frame, BiFunction<ChatSocketFrames, Alice, Optional<String>> expect) {}

  static final List<SocketProbe> SOCKET_PROBES = List.of(
      new SocketProbe(
          "chat in Alice's conversation",
          "{\"q\":\"what about zebras?\",\"conversation_id\":\"{conversation}\"}",
          (f, a) -> f.has("\"type\":\"metadata\"")
                  || !(f.has("Conversation " + a.conversation() + " not found")
                      || f.has("{\"error\"")
                      || f.closed.isDone())
              ? Optional.of("expected \"Conversation … not found\", an error frame or a close, got "
                  + f.frames)
              : Optional.empty()),
      new SocketProbe(
          "chat by Alice's conversation title",
          "{\"q\":\"what about zebras?\",\"title\":\"{title}\"}",
          (f, a) -> !f.has("\"type\":\"metadata\"") || f.has(a.conversation())
              ? Optional.of("expected a turn in a new conversation of his, got " + f.frames)
              : Optional.empty()));

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
    Multipart notes = Multipart.files()
        .add(file, "text/markdown", "# Zebras\nThe secret word is " + marker + ".\n");
    user.request()
        .contentType(notes.contentType())
        .body(notes.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
    // a refused upload whose name carries the marker: listed for Alice under "refused", never shown
    // to Bob
    String refused = "/home/alice/scans/" + marker + ".pdf";
    Multipart broken = Multipart.files().add(refused, "application/pdf", "not a pdf");
    user.request()
        .contentType(broken.contentType())
        .body(broken.body())
        .patch("/api/content")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.equalTo(""));

    String conversation = user.request()
        .post("/api/chat/sessions")
        .then()
        .statusCode(200)
        .extract()
        .path("conversation_id");
    user.request()
        .contentType(ContentType.JSON)
        .body("{\"q\":\"what is the secret word?\",\"conversation_id\":\"" + conversation
            + "\",\"stream\":false}")
        .post("/api/chat")
        .then()
        .statusCode(200);
    user.request()
        .queryParam("conversation_id", conversation)
        .queryParam("title", title)
        .patch("/api/chat/title")
        .then()
        .statusCode(200);
    user.request()
        .contentType(ContentType.JSON)
        .body("{\"filename\":\"" + file + "\",\"conversation_id\":\"" + conversation + "\"}")
        .post("/api/chat/conversation/file-filters")
        .then()
        .statusCode(200);
    String turn = user.request()
        .queryParam("conversation_id", conversation)
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .extract()
        .path("response.chat[0].turnId");
    String shareUrl = user.request()
        .queryParam("conversation_id", conversation)
        .post("/api/chat/share")
        .then()
        .statusCode(200)
        .extract()
        .path("url");
    String slug = shareUrl.replaceAll(".*/share/chat/([^/]+)/?$", "$1");
    Response tokens =
        user.request().get("/auth/token").then().statusCode(200).extract().response();
    String automation = user.request()
        .queryParam("q", "news about " + marker)
        .queryParam("crontime", "0 9 * * *")
        .post("/api/automation")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
    // her private agent knows her note: its knowledge is a copy of the note, owned by the agent
    String agent = user.request()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"Alice's keeper\",\"persona\":\"\",\"privacy_level\":\"private\",\"icon\":\"Robot\","
                + "\"color\":\"red\",\"chat_model\":null,\"files\":[\"" + file + "\"]}")
        .post("/api/agents")
        .then()
        .statusCode(200)
        .extract()
        .path("slug");
    String customised = user.request()
        .post("/api/chat/sessions")
        .then()
        .statusCode(200)
        .extract()
        .path("conversation_id");
    String hiddenAgent = user.request()
        .contentType(ContentType.JSON)
        .queryParam("conversation_id", customised)
        .body("{\"persona\":\"Keep " + marker + " safe.\",\"chat_model\":null,\"input_tools\":[],"
            + "\"output_modes\":[]}")
        .post("/api/agents/hidden")
        .then()
        .statusCode(200)
        .extract()
        .path("slug");

    String memory = Long.toString(io.quarkus.arc.Arc.container()
        .instance(io.khoj4j.application.port.out.memory.MemoryRepository.class)
        .get()
        .insert(
            user.id(),
            "The user's secret word is " + marker + ".",
            new float[] {1, 0, 0},
            "isolation-test",
            java.time.Instant.parse("2026-03-01T10:00:00Z"))
        .id());
    String githubToken = "ghp_alice_" + UUID.randomUUID().toString().replace("-", "");
    String notionToken = "secret_alice_" + UUID.randomUUID().toString().replace("-", "");
    user.request()
        .contentType(ContentType.JSON)
        .body("{\"pat_token\":\"" + githubToken
            + "\",\"repos\":[{\"owner\":\"alice\",\"name\":\"zebras\",\"branch\":\"main\"}]}")
        .post("/api/content/github")
        .then()
        .statusCode(200);
    user.request()
        .contentType(ContentType.JSON)
        .body("{\"token\":\"" + notionToken + "\"}")
        .post("/api/content/notion")
        .then()
        .statusCode(200);

    alice = new Alice(
        user,
        file,
        conversation,
        turn,
        slug,
        tokens.path("[0].token"),
        tokens.path("[0].id"),
        marker,
        title,
        automation,
        agent,
        refused,
        hiddenAgent,
        memory,
        githubToken,
        notionToken);
    bob = TestUsers.create();
    openAi.script(
        "Nothing about that in your notes.",
        "Bob's chat",
        "kites"); // Bob's model answers are neutral
  }

  @Test
  void bobCanNeitherSeeNorChangeAnythingOfAlices() {
    prepare();
    Snapshot before = Snapshot.of(alice);

    List<String> wrong = new ArrayList<>();
    for (Probe p : PROBES) {
      Response r =
          p.call().apply(bob.request().redirects().follow(false).urlEncodingEnabled(true), alice);
      p.expect().check(r, alice).ifPresent(problem -> wrong.add(p.route() + ": " + problem));
      if (r.statusCode() >= 500) {
        wrong.add(p.route() + " failed with " + r.statusCode() + ": " + r.asString());
      }
      if (!PUBLIC_BY_DESIGN.contains(p.route())) {
        leaks(p.route() + " (" + r.statusCode() + ")", r.asString()).forEach(wrong::add);
      }
    }

    assertThat(wrong)
        .as("answers to Bob that are not refusals or that reveal Alice's data")
        .isEmpty();
    assertThat(Snapshot.of(alice)).as("Alice's data after Bob's attempts").isEqualTo(before);
  }

  @Test
  void bobsChatSocketCannotReachAlicesConversation() throws Exception {
    prepare();
    TestUser bobOnSocket =
        TestUsers.create(); // an account of his own: the other test deletes Bob's first one
    Snapshot before = Snapshot.of(alice);

    List<String> wrong = new ArrayList<>();
    for (SocketProbe p : SOCKET_PROBES) {
      ChatSocketFrames frames = exchange(bobOnSocket.token(), fill(p.frame(), alice));
      p.expect().apply(frames, alice).ifPresent(problem -> wrong.add(p.what() + ": " + problem));
      leaks(p.what(), String.join("", frames.frames)).forEach(wrong::add);
    }

    assertThat(wrong).as("what Bob's chat socket got").isEmpty();
    assertThat(Snapshot.of(alice)).as("Alice's data after Bob's chats").isEqualTo(before);
  }

  @Test
  void anotherUsersNotesSearchReachesNeitherAlicesNotesNorHerAgentsKnowledge() {
    prepare();
    TestUser carol = TestUsers.create();
    Multipart notes = Multipart.files()
        .add("/carol/zebra.md", "text/markdown", "# Zebras\nZebras have stripes.\n");
    carol
        .request()
        .contentType(notes.contentType())
        .body(notes.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
    openAi.script("Nothing about that.", "Carol's chat", "zebra secret word", alice.marker());
    try {
      Response answer = carol
          .request()
          .contentType(ContentType.JSON)
          .body("{\"q\":\"/notes what is the secret word about zebras?\",\"stream\":false}")
          .post("/api/chat");

      answer.then().statusCode(200);
      assertThat(answer.jsonPath().getList("references.context.file", String.class))
          .isSubsetOf("/carol/zebra.md");
      // the queries echo the marker (the stand-in model wrote them); the notes found must not hold
      // it
      assertThat(leaks("Carol's chat", answer.jsonPath().getString("references.context")))
          .isEmpty();
      assertThat(answer.asString()).doesNotContain("The secret word is");
      assertThat(leaks(
              "Carol's search",
              carol.request().queryParam("q", alice.marker()).get("/api/search").asString()))
          .isEmpty();
    } finally {
      openAi.script("Nothing about that in your notes.", "Bob's chat", "kites");
    }
  }

  private static List<String> leaks(String where, String answer) {
    return alice.secrets().stream()
        .filter(answer::contains)
        .map(secret -> where + " revealed " + secret)
        .toList();
  }

  /** The frames of one chat over {@code WS /api/chat/ws}: sent once, collected until the answer ends or closes. */
  private static ChatSocketFrames exchange(String token, String message) throws Exception {
    ChatSocketFrames frames = new ChatSocketFrames();
    WebSocket ws = frames.connect(token, "http://localhost:" + RestAssured.port);
    ws.sendText(message, true).get(10, TimeUnit.SECONDS);
    for (int i = 0;
        i < 200
            && !frames.closed.isDone()
            && !frames.has("end_response")
            && !frames.has("{\"error\"");
        i++) {
      Thread.sleep(50);
    }
    if (!frames.closed.isDone()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }
    return frames;
  }

  @Test
  void everyRouteHasAProbeOrAReason() {
    Set<String> covered = new TreeSet<>(NOT_OWNED_DATA.keySet());
    PROBES.forEach(p -> covered.add(p.route()));
    Set<String> missing = new TreeSet<>(Routes.all());
    missing.removeAll(covered);
    Set<String> stale = new TreeSet<>(covered);
    stale.removeAll(Routes.all());

    assertThat(missing)
        .as("routes without an isolation probe: add one line to PROBES")
        .isEmpty();
    assertThat(stale).as("probes for routes that no longer exist").isEmpty();
  }

  /** Everything of Alice's that Bob's calls could have touched, as she sees it. */
  private record Snapshot(Map<String, Object> state) {

    static Snapshot of(Alice a) {
      RequestSpecification as = a.user().request();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put(
          "file",
          a.user()
              .request()
              .queryParam("file_name", a.file())
              .get("/api/content/file")
              .then()
              .statusCode(200)
              .extract()
              .path("raw_text"));
      s.put(
          "files",
          a.user()
              .request()
              .get("/api/content/files")
              .then()
              .statusCode(200)
              .extract()
              .path("files.file_name"));
      s.put(
          "refused",
          a.user()
              .request()
              .get("/api/content/files")
              .then()
              .statusCode(200)
              .extract()
              .path("refused.file_name"));
      s.put(
          "search",
          a.user()
              .request()
              .queryParam("q", "zebra")
              .get("/api/search")
              .then()
              .statusCode(200)
              .extract()
              .path("additional.file"));
      s.put(
          "history",
          a.user()
              .request()
              .queryParam("conversation_id", a.conversation())
              .get("/api/chat/history")
              .then()
              .statusCode(200)
              .extract()
              .path("response"));
      s.put(
          "sessions",
          a.user()
              .request()
              .get("/api/chat/sessions")
              .then()
              .statusCode(200)
              .extract()
              .asString());
      s.put(
          "filters",
          a.user()
              .request()
              .get("/api/chat/conversation/file-filters/" + a.conversation())
              .then()
              .statusCode(200)
              .extract()
              .asString());
      s.put(
          "share",
          given()
              .queryParam("public_conversation_slug", a.publicSlug())
              .get("/api/chat/share/history")
              .then()
              .statusCode(200)
              .extract()
              .path("response.chat.size()"));
      s.put(
          "tokens",
          a.user().request().get("/auth/token").then().statusCode(200).extract().path("token"));
      s.put("user", as.get("/api/v1/user").then().statusCode(200).extract().path("email"));
      s.put(
          "settings",
          a.user()
              .request()
              .get("/api/settings")
              .then()
              .statusCode(200)
              .extract()
              .path("username"));
      s.put(
          "model",
          a.user()
              .request()
              .get("/api/model/chat")
              .then()
              .statusCode(200)
              .extract()
              .asString());
      s.put(
          "automations",
          a.user()
              .request()
              .get("/api/automation")
              .then()
              .statusCode(200)
              .extract()
              .asString());
      s.put(
          "agent",
          a.user()
              .request()
              .get("/api/agents/" + a.agent())
              .then()
              .statusCode(200)
              .extract()
              .asString());
      s.put(
          "agents",
          a.user().request().get("/api/agents").then().statusCode(200).extract().asString());
      s.put(
          "memories",
          a.user()
              .request()
              .get("/api/memories")
              .then()
              .statusCode(200)
              .extract()
              .path("raw"));
      s.put(
          "memory switch",
          a.user()
              .request()
              .queryParam("detailed", "true")
              .get("/api/settings")
              .then()
              .statusCode(200)
              .extract()
              .path("enable_memory"));
      s.put(
          "github",
          a.user()
              .request()
              .get("/api/content/github")
              .then()
              .statusCode(200)
              .extract()
              .path("current_config"));
      s.put(
          "notion",
          a.user()
              .request()
              .get("/api/content/notion")
              .then()
              .statusCode(200)
              .extract()
              .path("current_config"));
      s.put(
          "sync",
          a.user()
              .request()
              .queryParam("detailed", true)
              .get("/api/settings")
              .then()
              .statusCode(200)
              .extract()
              .path("content_sync"));
      return new Snapshot(s);
    }
  }
}
