package io.khoj4j.adapter.llm.out.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.ToolServers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP client against a real stdio server ({@link TeaMcpServer}, its own process) and against WireMock speaking the
 * streamable HTTP transport's wire format (JSON-RPC over POST), including refusals, server errors, malformed bodies
 * and a tool that does not answer in time.
 */
class McpToolServersTest {

  private static final Duration CALL = Duration.ofSeconds(3);

  private WireMockServer http;
  private McpToolServers servers;
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-05T12:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  @BeforeEach
  void start() {
    http = new WireMockServer(options().dynamicPort().globalTemplating(true));
    http.start();
  }

  @AfterEach
  void stop() {
    if (servers != null) {
      servers.close();
    }
    http.stop();
  }

  private McpToolServers with(McpToolServers.Server... list) {
    servers = new McpToolServers(
        List.of(list), new McpToolServers.Timeouts(CALL, Duration.ofMinutes(1)), clock);
    return servers;
  }

  private static McpToolServers.Server stdioTea() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new McpToolServers.Server.Stdio(
        "tea",
        List.of(java, "-cp", System.getProperty("java.class.path"), TeaMcpServer.class.getName()),
        Map.of());
  }

  @Test
  void aStdioServersToolsAreListedUnderItsNameAndCalledWithTheirArguments() {
    ToolServers tea = with(stdioTea());

    assertThat(tea.tools())
        .extracting(ToolServers.Tool::name)
        .containsExactly("tea/price", "tea/slow");
    assertThat(tea.tools().getFirst().description()).isEqualTo("The price of a tea");
    assertThat(tea.tools().getFirst().parametersSchema()).contains("\"tea\"").contains("string");
    assertThat(tea.call("tea/price", "{\"tea\": \"matcha\"}"))
        .isEqualTo("Matcha costs 30 EUR per 100 g.");
    assertThat(tea.call("tea/price", "{\"tea\": \"oolong\"}"))
        .as("a tool's own error is its result")
        .isEqualTo("Error: No such tea: oolong");
  }

  @Test
  void aToolThatTakesLongerThanTheTimeLimitGivesNoAnswer() {
    ToolServers tea = with(stdioTea());

    String result;
    try {
      result = tea.call("tea/slow", "{}");
    } catch (UpstreamFailureException timedOut) {
      result = timedOut.getMessage();
    }

    assertThat(result).doesNotContain("finally").contains("did not answer within");
  }

  @Test
  void anUnknownServerOrToolIsRefused() {
    ToolServers tea = with(stdioTea());

    assertThatThrownBy(() -> tea.call("coffee/price", "{}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tea.call("price", "{}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aServerThatCannotStartOffersNothingAndIsTriedAgainOnlyAfterAWhile() {
    ToolServers broken = with(
        new McpToolServers.Server.Stdio("gone", List.of("/nonexistent/mcp-server"), Map.of()),
        stdioTea());

    assertThat(broken.tools())
        .as("the other server's tools are still offered")
        .extracting(ToolServers.Tool::name)
        .containsExactly("tea/price", "tea/slow");
    assertThatThrownBy(() -> broken.call("gone/anything", "{}"))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("failed recently");
    now.set(now.get().plus(Duration.ofMinutes(2)));
    assertThatThrownBy(() -> broken.call("gone/anything", "{}"))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("could not be reached");
  }

  // --- streamable HTTP, stubbed

  private static ResponseDefinitionBuilder rpc(String result) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"jsonrpc\":\"2.0\",\"id\":{{jsonPath request.body '$.id'}},\"result\":"
            + result + "}");
  }

  private void stubHandshake() {
    http.stubFor(
        post(urlEqualTo("/mcp"))
            .withRequestBody(matchingJsonPath("$.method", equalTo("initialize")))
            .willReturn(
                rpc(
                    "{\"protocolVersion\":\"{{jsonPath request.body '$.params.protocolVersion'}}\","
                        + "\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"shop\",\"version\":\"1\"}}")));
    http.stubFor(post(urlEqualTo("/mcp"))
        .withRequestBody(matchingJsonPath("$.method", equalTo("notifications/initialized")))
        .willReturn(aResponse().withStatus(202)));
    http.stubFor(
        post(urlEqualTo("/mcp"))
            .withRequestBody(matchingJsonPath("$.method", equalTo("tools/list")))
            .willReturn(
                rpc(
                    "{\"tools\":[{\"name\":\"stock\",\"description\":\"Grams in stock\","
                        + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"tea\":{\"type\":\"string\"}}}}]}")));
  }

  private ToolServers shop(Optional<String> key) {
    return with(
        new McpToolServers.Server.Http("shop", URI.create(http.baseUrl() + "/mcp"), key, false));
  }

  private void toolsCallAnswers(ResponseDefinitionBuilder response) {
    http.stubFor(post(urlEqualTo("/mcp"))
        .withRequestBody(matchingJsonPath("$.method", equalTo("tools/call")))
        .willReturn(response));
  }

  @Test
  void anHttpServerIsSpokenToWithItsKeyAsABearerToken() {
    stubHandshake();
    toolsCallAnswers(
        rpc(
            "{\"content\":[{\"type\":\"text\","
                + "\"text\":\"{{jsonPath request.body '$.params.arguments.tea'}}: 120 g\"}],\"isError\":false}"));
    ToolServers shop = shop(Optional.of("s3cret"));

    assertThat(shop.tools()).extracting(ToolServers.Tool::name).containsExactly("shop/stock");
    assertThat(shop.call("shop/stock", "{\"tea\":\"sencha\"}")).isEqualTo("sencha: 120 g");
    http.verify(postRequestedFor(urlEqualTo("/mcp"))
        .withRequestBody(matchingJsonPath("$.method", equalTo("tools/call")))
        .withRequestBody(matchingJsonPath("$.params.name", equalTo("stock")))
        .withHeader("Authorization", equalTo("Bearer s3cret")));
  }

  @Test
  void anHttpServerThatRefusesTheKeyOffersNothing() {
    http.stubFor(post(urlEqualTo("/mcp"))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"unauthorized\"}")));
    ToolServers shop = shop(Optional.of("wrong"));

    assertThat(shop.tools()).isEmpty();
    assertThatThrownBy(() -> shop.call("shop/stock", "{}"))
        .isInstanceOf(UpstreamFailureException.class);
  }

  @Test
  void aServerErrorOrAMalformedAnswerToACallIsAnUpstreamFailure() {
    stubHandshake();
    toolsCallAnswers(aResponse().withStatus(500).withBody("boom"));
    ToolServers shop = shop(Optional.empty());
    assertThat(shop.tools()).hasSize(1);

    assertThatThrownBy(() -> shop.call("shop/stock", "{\"tea\":\"sencha\"}"))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("shop");

    now.set(now.get().plus(Duration.ofMinutes(2)));
    toolsCallAnswers(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"jsonrpc\":\"2.0\",\"id\":"));
    assertThatThrownBy(() -> shop.call("shop/stock", "{\"tea\":\"sencha\"}"))
        .isInstanceOf(UpstreamFailureException.class);
  }

  @Test
  void aRateLimitedCallIsAnUpstreamFailure() {
    stubHandshake();
    toolsCallAnswers(aResponse().withStatus(429).withHeader("Retry-After", "20"));
    ToolServers shop = shop(Optional.empty());
    assertThat(shop.tools()).hasSize(1);

    assertThatThrownBy(() -> shop.call("shop/stock", "{}"))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("429");
  }

  @Test
  void aCallThatTimesOutIsAnUpstreamFailureOrATimeOutResult() {
    stubHandshake();
    toolsCallAnswers(rpc("{\"content\":[{\"type\":\"text\",\"text\":\"late\"}]}")
        .withFixedDelay((int) CALL.plusSeconds(2).toMillis()));
    ToolServers shop = shop(Optional.empty());
    shop.tools();

    String result;
    try {
      result = shop.call("shop/stock", "{}");
    } catch (UpstreamFailureException timedOut) {
      result = timedOut.getMessage();
    }

    assertThat(result).doesNotContain("late");
  }
}
