package io.khoj4j.bootstrap.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.FakeWeb;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /online}, {@code /webpage}, {@code /code} and {@code /research} through {@code POST /api/chat} with a stubbed SearXNG, a page
 * read directly through the SSRF-safe fetcher, a stubbed Terrarium and a stubbed MCP server: the references event carries
 * {@code onlineContext} and {@code codeContext} in Khoj's shapes, and failures become status events while the answer
 * and the stored conversation stay whole.
 */
@QuarkusTest
@TestProfile(WebToolsChatIT.WithWeb.class)
class WebToolsChatIT {

  public static class WithWeb implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(FakeWeb.class));
    }
  }

  private static FakeOpenAi openAi;
  private static TestUser admin;
  private TestUser alice;

  @BeforeEach
  void setUp() {
    if (openAi == null) {
      openAi = new FakeOpenAi().start();
      admin = TestUsers.createAdmin();
    }
    openAi.configureAsDefault(admin);
    openAi.script("Brew it at 80 degrees.", "Tea", "unused");
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("web search queries"))
        .willReturn(FakeOpenAi.stream("{\"queries\": [\"green tea brewing temperature\"]}")));
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("self-contained Python 3 program"))
        .willReturn(FakeOpenAi.stream("```python\nprint(6 * 7)\n```")));
    FakeWeb.searxngFinds();
    alice = TestUsers.create();
  }

  @AfterAll
  static void tearDown() {
    if (openAi != null) {
      openAi.stop();
    }
  }

  private List<String> stream(String q) {
    String body = alice
        .request()
        .contentType("application/json")
        .body(Map.of("q", q, "stream", true))
        .post("/api/chat?client=test")
        .then()
        .statusCode(200)
        .extract()
        .asString();
    return ChatApiIT.events(body);
  }

  private static JsonNode event(List<String> events, String type) {
    return events.stream()
        .filter(e -> e.startsWith("{"))
        .map(ChatApiIT::json)
        .filter(j -> type.equals(j.path("type").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " event in " + events));
  }

  private static List<String> statuses(List<String> events) {
    return events.stream()
        .filter(e -> e.startsWith("{"))
        .map(ChatApiIT::json)
        .filter(j -> "status".equals(j.path("type").asText()))
        .map(j -> j.path("data").asText())
        .toList();
  }

  @Test
  void onlineSearchesSearxngAndReadsTheTopResult() {
    List<String> events = stream("/online how hot should green tea be?");

    JsonNode online = event(events, "references").path("data").path("onlineContext");
    JsonNode found = online.path("green tea brewing temperature");
    assertThat(found.path("organic")).hasSize(1);
    assertThat(found.path("organic").get(0).path("title").asText()).isEqualTo("Green tea guide");
    assertThat(found.path("organic").get(0).path("link").asText()).isEqualTo(FakeWeb.pageUrl());
    assertThat(found.path("organic").get(0).path("snippet").asText())
        .isEqualTo("Everything about green tea.");
    JsonNode page = found.path("webpages").get(0);
    assertThat(page.path("link").asText()).isEqualTo(FakeWeb.pageUrl());
    assertThat(page.path("snippet").asText())
        .contains("Green tea is best brewed at **80 degrees**.")
        .doesNotContain("Menu");
    assertThat(String.join("", events)).contains("Brew it at 80 degrees.");
    assertThat(events).anyMatch(e -> e.contains("\"end_response\""));

    JsonNode stored = ChatApiIT.json(alice
        .request()
        .get("/api/chat/history?client=test")
        .then()
        .statusCode(200)
        .extract()
        .asString());
    assertThat(stored.toString())
        .contains("green tea brewing temperature")
        .contains(FakeWeb.pageUrl());
  }

  @Test
  void webpageReadsTheAddressInTheMessageDirectly() {
    List<String> events = stream("/webpage " + FakeWeb.pageUrl() + " what does it say?");

    JsonNode online = event(events, "references").path("data").path("onlineContext");
    JsonNode page = online.elements().next().path("webpages").get(0);
    assertThat(page.path("link").asText()).isEqualTo(FakeWeb.pageUrl());
    assertThat(page.path("snippet").asText()).startsWith("# Green tea");
    assertThat(statuses(events)).anyMatch(s -> s.startsWith("**Browsing**"));
  }

  @Test
  void aMetadataAddressIsNotFetchedAndTheTurnStillAnswers() {
    List<String> events =
        stream("/webpage http://169.254.169.254/latest/meta-data/ what is there?");

    assertThat(statuses(events))
        .anyMatch(s -> s.contains("Could not read") && s.contains("metadata"));
    assertThat(event(events, "references").path("data").path("onlineContext").isEmpty())
        .isTrue();
    assertThat(String.join("", events)).contains("Brew it at 80 degrees.");
    assertThat(events).anyMatch(e -> e.contains("\"end_response\""));
  }

  @Test
  void aFailingSearchEngineIsAStatusAndTheAnswerStillComes() {
    FakeWeb.searxngFails();

    List<String> events = stream("/online how hot should green tea be?");

    assertThat(statuses(events))
        .anyMatch(s -> s.contains("Web search failed") && s.contains("SearXNG"));
    assertThat(event(events, "references").path("data").path("onlineContext").isEmpty())
        .isTrue();
    assertThat(String.join("", events)).contains("Brew it at 80 degrees.");
    JsonNode stored = ChatApiIT.json(alice
        .request()
        .get("/api/chat/history?client=test")
        .then()
        .statusCode(200)
        .extract()
        .asString());
    assertThat(stored.toString())
        .contains("how hot should green tea be?")
        .contains("Brew it at 80 degrees.");
  }

  @Test
  void codeRunsTheModelsProgramInTerrariumAndReturnsCodeContext() {
    List<String> events = stream("/code what is six times seven?");

    JsonNode code = event(events, "references").path("data").path("codeContext");
    JsonNode entry = code.elements().next();
    assertThat(entry.path("code").asText()).isEqualTo("print(6 * 7)");
    assertThat(entry.path("results").path("success").asBoolean()).isTrue();
    assertThat(entry.path("results").path("std_out").asText()).isEqualTo("42\n");
    assertThat(
            entry.path("results").path("output_files").get(0).path("filename").asText())
        .isEqualTo("answer.txt");
    assertThat(
            entry.path("results").path("output_files").get(0).path("b64_data").asText())
        .isEqualTo("NDI=");
    FakeWeb.server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
            urlPathEqualTo("/terrarium"))
        .withRequestBody(containing("print(6 * 7)")));
    assertThat(events).anyMatch(e -> e.contains("\"end_response\""));
  }

  @Test
  void researchTakesTheModelsStepsThroughSearxngAndAnMcpToolServer() {
    String research = "research";
    String[] plans = {
      "{\"thought\": \"First the web.\", \"tool\": \"search_web\", "
          + "\"query\": \"green tea temperature\"}",
      "{\"thought\": \"Then the shop's stock.\", \"tool\": \"teashop/stock\", "
          + "\"query\": \"\", \"arguments\": {\"tea\": \"sencha\"}}",
      "{\"thought\": \"Enough to answer.\", \"tool\": \"answer\"}"
    };
    for (int i = 0; i < plans.length; i++) {
      openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
          .atPriority(1)
          .inScenario(research)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step " + i)
          .willSetStateTo("step " + (i + 1))
          .withRequestBody(containing("one step at a time"))
          .willReturn(FakeOpenAi.stream(plans[i])));
    }

    List<String> events = stream("/research how should I brew the sencha I can buy?");

    assertThat(statuses(events))
        .containsSubsequence(
            "First the web.",
            "**Searching the web for**: \n- green tea brewing temperature",
            "Then the shop's stock.",
            "**Using** `teashop/stock`",
            "Enough to answer.");
    FakeWeb.server.verify(
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/mcp"))
            .withRequestBody(matchingJsonPath("$.params.name", equalTo("stock")))
            .withRequestBody(matchingJsonPath("$.params.arguments.tea", equalTo("sencha"))));
    JsonNode online = event(events, "references").path("data").path("onlineContext");
    assertThat(online.path("green tea brewing temperature").path("organic")).hasSize(1);
    openAi.server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
            urlPathEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("sencha: 120 g in stock"))
        .withRequestBody(containing("80 degrees")));
    assertThat(String.join("", events)).contains("Brew it at 80 degrees.");
    assertThat(events).anyMatch(e -> e.contains("\"end_response\""));
    openAi.server.resetScenarios();
  }
}
