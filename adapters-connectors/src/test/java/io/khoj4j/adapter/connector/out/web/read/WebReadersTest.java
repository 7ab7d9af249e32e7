package io.khoj4j.adapter.connector.out.web.read;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.WebReader;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vendor readers against local stubs of their real wire formats. */
class WebReadersTest {

  private static final URI PAGE = URI.create("https://tea.example/guide");
  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private VendorHttp http = new VendorHttp(Duration.ofSeconds(20));
  private URI base;

  @BeforeEach
  void start() {
    server.start();
    base = URI.create("http://127.0.0.1:" + server.port());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private WebReader reader(String name) {
    return switch (name) {
      case "olostep" ->
        new OlostepWebReader(http, URI.create(base + "/olostep-p2p-incomingAPI"), "ol-key");
      case "exa" -> new ExaWebReader(http, base, "exa-key");
      case "firecrawl" -> new FirecrawlWebReader(http, base, "fc-key");
      default -> throw new IllegalArgumentException(name);
    };
  }

  private String path(String name) {
    return switch (name) {
      case "olostep" -> "/olostep-p2p-incomingAPI";
      case "exa" -> "/contents";
      case "firecrawl" -> "/v2/scrape";
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Test
  void olostepGetsTheMarkdownOfThePage() {
    server.stubFor(
        get(urlPathEqualTo("/olostep-p2p-incomingAPI"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"defaultDatasetId\":\"d\",\"markdown_content\":\"# Tea\\nGreen.\",\"html_content\":\"\"}")));

    assertThat(reader("olostep").read(PAGE)).isEqualTo(new WebReader.Page(PAGE, "# Tea\nGreen."));
    server.verify(getRequestedFor(urlPathEqualTo("/olostep-p2p-incomingAPI"))
        .withHeader("Authorization", equalTo("Bearer ol-key"))
        .withQueryParam("url", equalTo(PAGE.toString()))
        .withQueryParam("saveMarkdown", equalTo("True"))
        .withQueryParam("removeImages", equalTo("True"))
        .withQueryParam("timeout", equalTo("35"))
        .withQueryParam("expandMarkdown", equalTo("True")));
  }

  @Test
  void exaGetsTheTextOfTheFirstResult() {
    server.stubFor(post("/contents")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
            {"requestId":"r","results":[{"id":"https://tea.example/guide","url":"https://tea.example/guide",
              "title":"Tea","text":"Green tea text."}],"statuses":[{"id":"https://tea.example/guide",
              "status":"success"}]}""")));

    assertThat(reader("exa").read(PAGE).text()).isEqualTo("Green tea text.");
    server.verify(
        postRequestedFor(urlPathEqualTo("/contents"))
            .withHeader("x-api-key", equalTo("exa-key"))
            .withRequestBody(
                equalToJson(
                    "{\"urls\":[\"https://tea.example/guide\"],\"text\":true,\"livecrawlTimeout\":15000}")));
  }

  @Test
  void exaWithoutResultsGivesBlankText() {
    server.stubFor(post("/contents")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"results\":[],\"statuses\":[{\"status\":\"error\"}]}")));

    assertThat(reader("exa").read(PAGE).text()).isEmpty();
  }

  @Test
  void firecrawlScrapesMarkdown() {
    server.stubFor(
        post("/v2/scrape")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"success\":true,\"data\":{\"markdown\":\"# Tea\",\"metadata\":{\"statusCode\":200}}}")));

    assertThat(reader("firecrawl").read(PAGE).text()).isEqualTo("# Tea");
    server.verify(postRequestedFor(urlPathEqualTo("/v2/scrape"))
        .withHeader("Authorization", equalTo("Bearer fc-key"))
        .withRequestBody(equalToJson("""
            {"url":"https://tea.example/guide","formats":["markdown"],"excludeTags":["script",".ad"],
             "removeBase64Images":true,"maxAge":86400000}""")));
  }

  @Test
  void firecrawlReportingNoSuccessIsAFailure() {
    server.stubFor(post("/v2/scrape")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"success\":false,\"error\":\"Blocked site\"}")));

    assertThatThrownBy(() -> reader("firecrawl").read(PAGE)).hasMessageContaining("Blocked site");
  }

  private void failWith(
      String name, Function<ResponseDefinitionBuilder, ResponseDefinitionBuilder> response) {
    server.stubFor(any(urlPathEqualTo(path(name))).willReturn(response.apply(aResponse())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"olostep", "exa", "firecrawl"})
  void failuresAreClearUpstreamFailures(String name) {
    failWith(name, r -> r.withStatus(401));
    assertThatThrownBy(() -> reader(name).read(PAGE))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("refused the API key (401)");
    failWith(name, r -> r.withStatus(429).withHeader("Retry-After", "3"));
    assertThatThrownBy(() -> reader(name).read(PAGE))
        .hasMessageContaining("(429, retry after 3 s)");
    failWith(name, r -> r.withStatus(502));
    assertThatThrownBy(() -> reader(name).read(PAGE))
        .hasMessageContaining("failed with status 502");
    failWith(name, r -> r.withStatus(200).withBody("<html>not json"));
    assertThatThrownBy(() -> reader(name).read(PAGE)).hasMessageContaining("unreadable answer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"olostep", "exa", "firecrawl"})
  void aSlowReaderTimesOut(String name) {
    http = new VendorHttp(Duration.ofMillis(500));
    failWith(name, r -> r.withStatus(200).withFixedDelay(3_000).withBody("{}"));
    assertThatThrownBy(() -> reader(name).read(PAGE))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("did not answer within");
  }
}
