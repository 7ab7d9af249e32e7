package io.khoj4j.adapter.connector.out.web.search;

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
import com.github.tomakehurst.wiremock.http.Fault;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.WebSearch;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each provider against a local stub of its real wire format: the request it sends, the answer it reads, failures. */
class WebSearchProvidersTest {

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

  private static WebSearch.Query query() {
    return new WebSearch.Query("green tea benefits", 10, Optional.of("de"));
  }

  private WebSearch provider(String name) {
    return switch (name) {
      case "serper" -> new SerperWebSearch(http, base, "serper-key");
      case "exa" -> new ExaWebSearch(http, base, "exa-key");
      case "firecrawl" -> new FirecrawlWebSearch(http, base, "fc-key");
      case "google" -> new GoogleWebSearch(http, base, "g-key", "engine-1");
      case "searxng" -> new SearxngWebSearch(http, URI.create(base + "/searx/"));
      default -> throw new IllegalArgumentException(name);
    };
  }

  private String path(String name) {
    return switch (name) {
      case "serper" -> "/search";
      case "exa" -> "/search";
      case "firecrawl" -> "/v2/search";
      case "google" -> "/customsearch/v1";
      case "searxng" -> "/searx/search";
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Test
  void serperSendsTheKeyAndQueryAndReadsOrganicResultsAndTheAnswerBox() {
    server.stubFor(post("/search")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
        {"searchParameters":{"q":"green tea benefits","gl":"de","type":"search","engine":"google"},
         "answerBox":{"title":"Green tea","answer":"Antioxidants","link":"https://a.example/box"},
         "organic":[{"title":"Tea","link":"https://tea.example/","snippet":"All about tea","position":1},
                    {"title":"No link"}],
         "peopleAlsoAsk":[{"question":"Is tea good?"}],"credits":1}""")));

    WebSearch.Results results = provider("serper").search(query());

    assertThat(results.organic())
        .containsExactly(new WebSearch.Hit("Tea", "https://tea.example/", "All about tea"));
    assertThat(results.answer())
        .contains(new WebSearch.Answer(
            "Green tea", "Antioxidants", Optional.of("https://a.example/box")));
    server.verify(postRequestedFor(urlPathEqualTo("/search"))
        .withHeader("X-API-KEY", equalTo("serper-key"))
        .withRequestBody(equalToJson("{\"q\":\"green tea benefits\",\"gl\":\"de\"}")));
  }

  @Test
  void exaSendsItsSearchBodyAndReadsHighlights() {
    server.stubFor(post("/search")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
        {"requestId":"r1","resolvedSearchType":"neural","results":[
          {"id":"https://tea.example/","title":"Tea","url":"https://tea.example/","publishedDate":null,
           "highlights":["Tea has catechins."],"highlightScores":[0.5]}],"costDollars":{"total":0.005}}""")));

    WebSearch.Results results = provider("exa").search(query());

    assertThat(results.organic())
        .containsExactly(new WebSearch.Hit("Tea", "https://tea.example/", "Tea has catechins."));
    server.verify(postRequestedFor(urlPathEqualTo("/search"))
        .withHeader("x-api-key", equalTo("exa-key"))
        .withRequestBody(equalToJson("""
            {"query":"green tea benefits","type":"auto","userLocation":"DE","numResults":10,
             "contents":{"text":false,"highlights":{"maxCharacters":500}}}""")));
  }

  @Test
  void firecrawlSendsItsSearchBodyAndReadsWebResults() {
    server.stubFor(post("/v2/search")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
            {"success":true,"data":{"web":[{"url":"https://tea.example/","title":"Tea",
              "description":"About tea","position":1}]},"creditsUsed":2}""")));

    WebSearch.Results results = provider("firecrawl").search(query());

    assertThat(results.organic())
        .containsExactly(new WebSearch.Hit("Tea", "https://tea.example/", "About tea"));
    server.verify(postRequestedFor(urlPathEqualTo("/v2/search"))
        .withHeader("Authorization", equalTo("Bearer fc-key"))
        .withRequestBody(equalToJson("""
            {"query":"green tea benefits","limit":10,"country":"de","lang":"en","timeout":10000,
             "scrapeOptions":{}}""")));
  }

  @Test
  void googleSendsKeyEngineAndCountryAndReadsItems() {
    server.stubFor(get(urlPathEqualTo("/customsearch/v1"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json; charset=UTF-8")
            .withBody("""
            {"kind":"customsearch#search","searchInformation":{"totalResults":"1"},
             "items":[{"kind":"customsearch#result","title":"Tea","link":"https://tea.example/",
               "displayLink":"tea.example","snippet":"About tea"}]}""")));

    WebSearch.Results results = provider("google").search(query());

    assertThat(results.organic())
        .containsExactly(new WebSearch.Hit("Tea", "https://tea.example/", "About tea"));
    server.verify(getRequestedFor(urlPathEqualTo("/customsearch/v1"))
        .withQueryParam("key", equalTo("g-key"))
        .withQueryParam("cx", equalTo("engine-1"))
        .withQueryParam("q", equalTo("green tea benefits"))
        .withQueryParam("cr", equalTo("countryDE"))
        .withQueryParam("gl", equalTo("de")));
  }

  @Test
  void googleWithoutItemsFoundNothing() {
    server.stubFor(get(urlPathEqualTo("/customsearch/v1"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"kind\":\"customsearch#search\"}")));

    assertThat(provider("google").search(query()).isEmpty()).isTrue();
  }

  @Test
  void searxngAsksForItsHtmlResultsPageAndReadsEachResult() {
    server.stubFor(get(urlPathEqualTo("/searx/search"))
        .willReturn(
            aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody("""
            <!DOCTYPE html><html><body><main id="main_results"><div id="urls" role="main">
            <article class="result result-default category-general">
              <a href="https://tea.example/" class="url_header" rel="noreferrer"><div class="url_wrapper">tea.example</div></a>
              <h3><a href="https://tea.example/" rel="noreferrer"><span class="highlight">Tea</span> guide</a></h3>
              <p class="content">All <span class="highlight">about</span> tea</p>
            </article>
            <article class="result result-default category-general">
              <h3><a href="/relative" rel="noreferrer">Local</a></h3>
            </article>
            </div></main></body></html>""")));

    WebSearch.Results results = provider("searxng").search(query());

    assertThat(results.organic())
        .containsExactly(
            new WebSearch.Hit("Tea guide", "https://tea.example/", "All about tea"),
            new WebSearch.Hit("Local", base + "/relative", ""));
    server.verify(getRequestedFor(urlPathEqualTo("/searx/search"))
        .withQueryParam("q", equalTo("green tea benefits"))
        .withQueryParam("format", equalTo("html"))
        .withQueryParam("language", equalTo("en"))
        .withQueryParam("country", equalTo("de"))
        .withQueryParam("categories", equalTo("general")));
  }

  @Test
  void searxngWithNoResultsFoundNothingButAStrangePageIsAnError() {
    server.stubFor(get(urlPathEqualTo("/searx/search"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/html")
            .withBody(
                "<html><body><div id=\"results\"><div id=\"urls\"></div></div></body></html>")));
    assertThat(provider("searxng").search(query()).isEmpty()).isTrue();

    server.stubFor(get(urlPathEqualTo("/searx/search"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body>Welcome to nginx!</body></html>")));
    assertThatThrownBy(() -> provider("searxng").search(query()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("not a results page");
  }

  private void failWith(
      String name,
      Function<
              com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder,
              com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder>
          response) {
    server.stubFor(any(urlPathEqualTo(path(name))).willReturn(response.apply(aResponse())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"serper", "exa", "firecrawl", "google", "searxng"})
  void aRefusedKeyIsAClearNonRetryableFailure(String name) {
    failWith(
        name,
        r -> r.withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"Unauthorized.\"}"));
    assertThatThrownBy(() -> provider(name).search(query()))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("refused the API key (401: Unauthorized.)");
  }

  @Test
  void whatAVendorSaysInItsErrorIsPassedOnShortAndOnOneLine() {
    failWith(
        "serper",
        r -> r.withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"Not enough credits\",\"statusCode\":400}"));
    assertThatThrownBy(() -> provider("serper").search(query()))
        .hasMessage("Serper failed with status 400: Not enough credits");
    failWith(
        "google",
        r -> r.withStatus(403)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"error\":{\"code\":403,\"message\":\"Requests from this\\nAPI key are blocked.\","
                    + "\"status\":\"PERMISSION_DENIED\"}}"));
    assertThatThrownBy(() -> provider("google").search(query()))
        .hasMessageEndingWith("refused the API key (403: Requests from this API key are blocked.)");
    failWith("exa", r -> r.withStatus(402).withBody("{\"error\":\"" + "x".repeat(500) + "\"}"));
    assertThatThrownBy(() -> provider("exa").search(query()))
        .hasMessageEndingWith(": " + "x".repeat(200) + "…");
    failWith(
        "firecrawl",
        r -> r.withStatus(502).withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
    assertThatThrownBy(() -> provider("firecrawl").search(query()))
        .as("an HTML error page is left out")
        .hasMessageEndingWith("failed with status 502");
  }

  @Test
  void aQuotaSpentIsSaidWithTheRateLimitAndAStalledErrorBodyIsNotWaitedFor() {
    failWith(
        "serper",
        r -> r.withStatus(429)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"Daily quota exceeded\"}"));
    assertThatThrownBy(() -> provider("serper").search(query()))
        .hasMessageEndingWith("is rate-limiting this server (429: Daily quota exceeded)");
    failWith(
        "exa",
        r -> r.withStatus(500)
            .withBody("{\"error\":\"" + "y".repeat(400) + "\"}")
            .withChunkedDribbleDelay(4, 20_000));
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10),
        () -> assertThatThrownBy(() -> provider("exa").search(query()))
            .hasMessageEndingWith("failed with status 500"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"serper", "exa", "firecrawl", "google", "searxng"})
  void rateLimitingSaysWhenToRetry(String name) {
    failWith(name, r -> r.withStatus(429).withHeader("Retry-After", "17"));
    assertThatThrownBy(() -> provider(name).search(query()))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("rate-limiting this server (429, retry after 17 s)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"serper", "exa", "firecrawl", "google", "searxng"})
  void aServerErrorIsARetryableFailure(String name) {
    failWith(name, r -> r.withStatus(500).withBody("oops"));
    assertThatThrownBy(() -> provider(name).search(query()))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("failed with status 500");
  }

  @ParameterizedTest
  @ValueSource(strings = {"serper", "exa", "firecrawl", "google", "searxng"})
  void aSlowProviderTimesOut(String name) {
    http = new VendorHttp(Duration.ofMillis(500));
    failWith(name, r -> r.withStatus(200).withFixedDelay(3_000).withBody("{}"));
    assertThatThrownBy(() -> provider(name).search(query()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("did not answer within");
  }

  @ParameterizedTest
  @ValueSource(strings = {"serper", "exa", "firecrawl", "google"})
  void aMalformedBodyIsAFailureNotAnEmptyResult(String name) {
    failWith(
        name,
        r -> r.withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"organic\":[{"));
    assertThatThrownBy(() -> provider(name).search(query()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("unreadable answer");
    failWith(
        name,
        r -> r.withStatus(200).withHeader("Content-Type", "application/json").withBody("[1,2]"));
    assertThatThrownBy(() -> provider(name).search(query()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("not a JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"serper", "exa", "firecrawl", "google", "searxng"})
  void aDroppedConnectionIsAFailure(String name) {
    failWith(name, r -> r.withFault(Fault.CONNECTION_RESET_BY_PEER));
    assertThatThrownBy(() -> provider(name).search(query()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("could not be reached");
  }

  @Test
  void anUnreachableProviderIsAFailure() {
    server.stop();
    assertThatThrownBy(() -> provider("serper").search(query()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageStartingWith("Serper could not be reached");
  }
}
