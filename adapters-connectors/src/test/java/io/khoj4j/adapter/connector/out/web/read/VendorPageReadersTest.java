package io.khoj4j.adapter.connector.out.web.read;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.khoj4j.adapter.connector.out.web.fetch.AddressPolicy;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.PageReaders;
import io.khoj4j.application.port.out.tools.UrlFetcher;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.domain.web.WebScraper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An administrator's scrapers become vendor readers in their priority order, with their addresses and keys. */
class VendorPageReadersTest {

  private static final URI PAGE = URI.create("https://tea.example/guide");
  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private final List<URI> fetched = new ArrayList<>();
  /** Stands in for the SSRF-safe fetcher: records what it was asked to open. */
  private final UrlFetcher fetcher = request -> {
    fetched.add(request.url());
    return new UrlFetcher.Fetched(
        request.url(),
        "text/html",
        Optional.of("utf-8"),
        "<html><body><main><p>Read directly.</p></main></body></html>"
            .getBytes(StandardCharsets.UTF_8));
  };

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

  private PageReaders readers(AddressPolicy policy) {
    return new VendorPageReaders(new VendorHttp(Duration.ofSeconds(10)), fetcher, policy);
  }

  private PageReaders.Configured scraper(WebScraper.Kind kind, URI url, String key, int priority) {
    return new PageReaders.Configured(
        new WebScraper(
            UUID.randomUUID(),
            kind.wireName() + priority,
            kind,
            Optional.ofNullable(url),
            priority),
        Optional.ofNullable(key));
  }

  @Test
  void theFirstScraperThatGivesTextWinsInTheOrderGiven() {
    server.stubFor(
        post("/v2/scrape").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    server.stubFor(get(urlPathEqualTo("/olostep"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"markdown_content\":\"# Tea from Olostep\",\"html_content\":\"\"}")));

    WebReader reader = readers(AddressPolicy.publicOnly())
        .inOrder(List.of(
            scraper(WebScraper.Kind.FIRECRAWL, base, "fc-key", 1),
            scraper(WebScraper.Kind.OLOSTEP, URI.create(base + "/olostep"), "ol-key", 2),
            scraper(WebScraper.Kind.DIRECT, null, null, 3)));

    assertThat(reader.read(PAGE).text()).isEqualTo("# Tea from Olostep");
    server.verify(postRequestedFor(urlPathEqualTo("/v2/scrape"))
        .withHeader("Authorization", equalTo("Bearer fc-key")));
    server.verify(getRequestedFor(urlPathEqualTo("/olostep"))
        .withHeader("Authorization", equalTo("Bearer ol-key")));
    assertThat(fetched).as("direct reading came last and was not needed").isEmpty();
  }

  @Test
  void directReadingFirstIsTriedFirst() {
    WebReader reader = readers(AddressPolicy.publicOnly())
        .inOrder(List.of(
            scraper(WebScraper.Kind.DIRECT, null, null, 1),
            scraper(WebScraper.Kind.EXA, base, "exa-key", 2)));

    assertThat(reader.read(PAGE).text()).contains("Read directly.");
    assertThat(fetched).containsExactly(PAGE);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void anIntranetPageIsReadOnlyDirectlyAndAMetadataAddressByNone() {
    PageReaders readers = readers(AddressPolicy.allowing(List.of("wiki.corp")));
    WebReader vendorsOnly =
        readers.inOrder(List.of(scraper(WebScraper.Kind.EXA, base, "exa-key", 1)));

    assertThatThrownBy(() -> vendorsOnly.read(URI.create("http://wiki.corp/tea")))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("intranet");
    assertThatThrownBy(() -> vendorsOnly.read(URI.create("http://169.254.169.254/latest/")))
        .isInstanceOf(UpstreamFailureException.class);
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
