package io.khoj4j.adapter.connector.out.notion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.khoj4j.adapter.connector.out.http.RateLimitedHttp;
import io.khoj4j.application.port.out.connector.ConnectorException;
import io.khoj4j.application.port.out.connector.NotionWorkspace.Block;
import io.khoj4j.application.port.out.connector.NotionWorkspace.Page;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Notion adapter against stubs replaying Notion's API answers: search, block children, errors, 429s. */
class NotionApiWorkspaceTest {

  static final Instant NOW = Instant.parse("2026-12-04T22:00:00Z");
  static final String PAGE = "59833787-2cf9-4fdf-8782-e53db20768a5";
  static final String ROW = "1a2b3c4d-0000-4000-8000-00000000abcd";
  static final String TOGGLE = "7f3b1c2d-1111-4111-8111-111111111111";

  static WireMockServer server;
  final List<Duration> pauses = new ArrayList<>();
  NotionApiWorkspace notion;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    pauses.clear();
    notion = workspace(Duration.ZERO);
  }

  NotionApiWorkspace workspace(Duration minInterval) {
    RateLimitedHttp http = new RateLimitedHttp(
        "Notion",
        Duration.ofSeconds(2),
        Duration.ofSeconds(60),
        minInterval,
        3,
        pauses::add,
        Clock.fixed(NOW, ZoneOffset.UTC));
    return new NotionApiWorkspace(
        URI.create(server.baseUrl()),
        http,
        Duration.ofSeconds(5),
        Optional.of(new NotionApiWorkspace.OAuthClient(
            "client-1", "secret-1", "https://khoj.example/api/notion/auth/callback")));
  }

  static String text(String s, String href) {
    return """
        {"type":"text","text":{"content":"%s","link":%s},"annotations":{"bold":false,"italic":false,
         "strikethrough":false,"underline":false,"code":false,"color":"default"},"plain_text":"%s","href":%s}""".formatted(
            s,
            href == null ? "null" : "{\"url\":\"" + href + "\"}",
            s,
            href == null ? "null" : "\"" + href + "\"");
  }

  static String workspacePage() {
    return """
        {"object":"page","id":"%s","created_time":"2026-11-01T09:00:00.000Z",
         "last_edited_time":"2026-11-30T10:00:00.000Z","created_by":{"object":"user","id":"u1"},
         "last_edited_by":{"object":"user","id":"u1"},"cover":null,"icon":null,
         "parent":{"type":"workspace","workspace":true},"archived":false,"in_trash":false,
         "properties":{"title":{"id":"title","type":"title","title":[%s]}},
         "url":"https://www.notion.so/Trip-to-Lisbon-598337872cf94fdf8782e53db20768a5","public_url":null}""".formatted(PAGE, text("Trip to Lisbon", null));
  }

  static String databaseRow() {
    return """
        {"object":"page","id":"%s","created_time":"2026-11-02T09:00:00.000Z",
         "last_edited_time":"2026-12-01T08:30:00.000Z","parent":{"type":"database_id",
         "database_id":"d9824bdc-8445-4327-be8b-5b47500af6ce"},"archived":false,"in_trash":false,
         "properties":{"Status":{"id":"a%%3Bx","type":"select","select":{"id":"1","name":"Done","color":"green"}},
           "Tags":{"id":"b","type":"multi_select","multi_select":[{"id":"2","name":"travel","color":"red"},
             {"id":"3","name":"food","color":"blue"}]},
           "Due":{"id":"c","type":"date","date":{"start":"2026-12-10","end":null,"time_zone":null}},
           "Name":{"id":"title","type":"title","title":[%s]}},
         "url":"https://www.notion.so/Book-restaurant-1a2b3c4d00004000800000000000abcd","public_url":null}""".formatted(ROW, text("Book restaurant", null));
  }

  static String list(String type, boolean hasMore, String cursor, String... results) {
    return """
        {"object":"list","results":[%s],"next_cursor":%s,"has_more":%s,"type":"%s","%s":{}}""".formatted(
            String.join(",", results),
            cursor == null ? "null" : "\"" + cursor + "\"",
            hasMore,
            type,
            type);
  }

  static String block(String id, String type, boolean hasChildren, String content) {
    return """
        {"object":"block","id":"%s","parent":{"type":"page_id","page_id":"%s"},
         "created_time":"2026-11-01T09:00:00.000Z","last_edited_time":"2026-11-30T10:00:00.000Z",
         "has_children":%s,"archived":false,"in_trash":false,"type":"%s","%s":%s}""".formatted(id, PAGE, hasChildren, type, type, content);
  }

  static String rich(String... pieces) {
    return "{\"rich_text\":[" + String.join(",", pieces) + "],\"color\":\"default\"}";
  }

  @Test
  void listsPagesAndDatabaseRowsAcrossSearchPagesWithTitlesAndProperties() {
    server.stubFor(post("/v1/search")
        .withRequestBody(equalToJson(
            "{\"page_size\":100,\"filter\":{\"property\":\"object\",\"value\":\"page\"}}"))
        .willReturn(okJson(list("page_or_database", true, "cursor-2", workspacePage()))));
    server.stubFor(post("/v1/search")
        .withRequestBody(matchingJsonPath("$.start_cursor", equalTo("cursor-2")))
        .willReturn(okJson(list("page_or_database", false, null, databaseRow()))));

    List<Page> pages = notion.pages("secret_abc");

    assertThat(pages).extracting(Page::title).containsExactly("Trip to Lisbon", "Book restaurant");
    assertThat(pages.get(0).lastEdited()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(pages.get(1).properties())
        .containsExactlyInAnyOrder("Status: Done", "Tags: travel, food", "Due: 2026-12-10");
    server.verify(
        2,
        postRequestedFor(urlEqualTo("/v1/search"))
            .withHeader("Authorization", equalTo("Bearer secret_abc"))
            .withHeader("Notion-Version", equalTo(NotionApiWorkspace.VERSION)));
  }

  @Test
  void readsBlocksAcrossPagesAndDescendsIntoNestedBlocksButNotChildPages() {
    server.stubFor(get("/v1/blocks/" + PAGE + "/children?page_size=100")
        .willReturn(okJson(list(
            "block",
            true,
            "c2",
            block("b1", "heading_2", false, rich(text("Days", null))),
            block(TOGGLE, "toggle", true, rich(text("Day one", null)))))));
    server.stubFor(get("/v1/blocks/" + PAGE + "/children?page_size=100&start_cursor=c2")
        .willReturn(okJson(list(
            "block",
            false,
            null,
            block(
                "b3",
                "paragraph",
                false,
                rich(text("See ", null), text("the map", "https://maps.example/x"))),
            block(
                "8e2b1c2d-2222-4222-8222-222222222222",
                "child_page",
                true,
                "{\"title\":\"Packing list\"}")))));
    server.stubFor(get("/v1/blocks/" + TOGGLE + "/children?page_size=100")
        .willReturn(okJson(list(
            "block",
            false,
            null,
            block(
                "b5",
                "to_do",
                false,
                "{\"rich_text\":[" + text("Visit Belem", null)
                    + "],\"checked\":true,\"color\":\"default\"}")))));

    List<Block> blocks = notion.blocks("secret_abc", PAGE);

    assertThat(blocks)
        .extracting(Block::type)
        .containsExactly("heading_2", "toggle", "paragraph", "child_page");
    assertThat(blocks.get(1).children())
        .containsExactly(new Block("to_do", "[x] Visit Belem", List.of()));
    assertThat(blocks.get(2).text()).isEqualTo("See [the map](https://maps.example/x)");
    assertThat(blocks.get(3).children()).isEmpty();
  }

  @Test
  void blocksTheApiCannotServeAreKeptWithoutTheirChildren() {
    String meeting = "7c1d2e3f-4444-4444-8444-444444444444";
    String callout = "7c1d2e3f-5555-4555-8555-555555555555";
    server.stubFor(get("/v1/blocks/" + PAGE + "/children?page_size=100")
        .willReturn(okJson(list(
            "block",
            false,
            null,
            block(meeting, "unsupported", true, "{}"),
            block(callout, "callout", true, rich(text("Note", null))),
            block("b9", "paragraph", false, rich(text("After", null)))))));
    // Notion refuses the children of a block type it does not serve yet
    server.stubFor(get("/v1/blocks/" + meeting + "/children?page_size=100")
        .willReturn(aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\","
                + "\"message\":\"Block type transcription is not supported via the API.\"}")));
    server.stubFor(get("/v1/blocks/" + callout + "/children?page_size=100")
        .willReturn(aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\"}")));

    List<Block> blocks = notion.blocks("secret_abc", PAGE);

    assertThat(blocks)
        .extracting(Block::type)
        .containsExactly("unsupported", "callout", "paragraph");
    assertThat(blocks.get(1).children()).isEmpty();
    assertThat(blocks.get(2).text()).isEqualTo("After");
    server.verify(
        0, getRequestedFor(urlEqualTo("/v1/blocks/" + meeting + "/children?page_size=100")));
  }

  @Test
  void aPageIsStillSharedUnlessNotionSaysItIsGoneArchivedOrTrashed() {
    String archived = "7c1d2e3f-6666-4666-8666-666666666666";
    String missing = "7c1d2e3f-7777-4777-8777-777777777777";
    server.stubFor(get("/v1/pages/" + PAGE).willReturn(okJson(workspacePage())));
    server.stubFor(get("/v1/pages/" + archived)
        .willReturn(okJson(workspacePage().replace("\"archived\":false", "\"archived\":true"))));
    server.stubFor(get("/v1/pages/" + missing)
        .willReturn(aResponse()
            .withStatus(404)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"object\":\"error\",\"status\":404,\"code\":\"object_not_found\"}")));

    assertThat(notion.stillShared("secret_abc", PAGE)).isTrue();
    assertThat(notion.stillShared("secret_abc", archived)).isFalse();
    assertThat(notion.stillShared("secret_abc", missing)).isFalse();
    assertThat(notion.stillShared("secret_abc", "../users")).isFalse();
  }

  @Test
  void requestsAreSpacedToThreeASecond() {
    NotionApiWorkspace paced = workspace(Duration.ofMillis(334));
    server.stubFor(post("/v1/search").willReturn(okJson(list("page_or_database", false, null))));

    paced.pages("t");
    paced.pages("t");

    assertThat(pauses).containsExactly(Duration.ofMillis(334));
  }

  @Test
  void a429IsWaitedOutPerRetryAfter() {
    server.stubFor(post("/v1/search")
        .inScenario("429")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "2")
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\",\"message\":\"You have been "
                    + "rate limited. Please try again in a few minutes.\"}"))
        .willSetStateTo("ok"));
    server.stubFor(post("/v1/search")
        .inScenario("429")
        .whenScenarioStateIs("ok")
        .willReturn(okJson(list("page_or_database", false, null, workspacePage()))));

    assertThat(notion.pages("t")).hasSize(1);
    assertThat(pauses).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void aLongRetryAfterIsReportedWithItsTime() {
    server.stubFor(post("/v1/search")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));

    assertThatThrownBy(() -> notion.pages("t"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
          assertThat(e.retryAt()).contains(NOW.plusSeconds(600));
        });
  }

  @Test
  void aRevokedTokenIsUnauthorized() {
    server.stubFor(post("/v1/search")
        .willReturn(aResponse()
            .withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"object\":\"error\",\"status\":401,\"code\":\"unauthorized\","
                + "\"message\":\"API token is invalid.\"}")));

    assertThatThrownBy(() -> notion.pages("revoked"))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED));
  }

  @Test
  void aPageNoLongerSharedIsNotFound() {
    server.stubFor(get("/v1/blocks/" + PAGE + "/children?page_size=100")
        .willReturn(aResponse()
            .withStatus(404)
            .withBody(
                "{\"object\":\"error\",\"status\":404,\"code\":\"object_not_found\",\"message\":\"Could not find "
                    + "block with ID.\"}")));

    assertThatThrownBy(() -> notion.blocks("t", PAGE))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.NOT_FOUND));
  }

  @Test
  void serverErrorsAndMalformedAnswersAreReported() {
    server.stubFor(post("/v1/search").willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> notion.pages("t"))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE));

    server.stubFor(post("/v1/search").willReturn(okJson("{\"object\":\"list\",\"results\":{}}")));
    assertThatThrownBy(() -> notion.pages("t"))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));

    server.stubFor(post("/v1/search").willReturn(okJson("{\"object\":\"list\",\"resul")));
    assertThatThrownBy(() -> notion.pages("t"))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));
  }

  @Test
  void theOAuthCodeIsExchangedWithTheClientsBasicCredentials() {
    server.stubFor(
        post("/v1/oauth/token")
            .withBasicAuth("client-1", "secret-1")
            .withRequestBody(
                equalToJson("{\"grant_type\":\"authorization_code\",\"code\":\"code-9\","
                    + "\"redirect_uri\":\"https://khoj.example/api/notion/auth/callback\"}"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"secret_oauth\",\"token_type\":\"bearer\",\"bot_id\":\"b\","
                        + "\"workspace_name\":\"Home\",\"workspace_id\":\"w\",\"owner\":{\"type\":\"user\"}}")));

    assertThat(notion.exchangeCode("code-9")).isEqualTo("secret_oauth");
  }

  @Test
  void aRefusedCodeIsReported() {
    server.stubFor(post("/v1/oauth/token")
        .willReturn(aResponse()
            .withStatus(400)
            .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid code.\"}")));

    assertThatThrownBy(() -> notion.exchangeCode("used")).isInstanceOf(ConnectorException.class);
  }
}
