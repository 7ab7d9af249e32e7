package io.khoj4j.adapter.connector.out.web.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.UrlFetcher;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a local server. Names resolve through a test table: {@code pages.test} (allow-listed) to the
 * local server, {@code internal.test} to a private address, {@code mixed.test} to a public and a loopback address.
 */
class ApacheHttpUrlFetcherTest {

  private static final Set<String> HTML = Set.of("text/html");

  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
  private final AtomicInteger lookups = new AtomicInteger();
  private final List<String> looked = new ArrayList<>();
  private final Map<String, List<String>> dns = Map.of(
      "pages.test", List.of("127.0.0.1"),
      "internal.test", List.of("10.0.0.7"),
      "mixed.test", List.of("93.184.216.34", "127.0.0.1"),
      "meta.test", List.of("169.254.169.254"),
      "v6.test", List.of("::1"));
  private final HostResolver table = host -> {
    lookups.incrementAndGet();
    synchronized (looked) {
      looked.add(host);
    }
    List<String> answers = dns.get(host);
    if (answers == null) {
      throw new UnknownHostException(host);
    }
    List<InetAddress> out = new ArrayList<>();
    for (String a : answers) {
      out.add(InetAddress.getByName(a));
    }
    return out;
  };
  private ApacheHttpUrlFetcher fetcher;

  @BeforeEach
  void start() {
    server.start();
    fetcher = fetcher(table, 1_000_000, Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() throws Exception {
    fetcher.close();
    server.stop();
  }

  private ApacheHttpUrlFetcher fetcher(HostResolver resolver, long maxBytes, Duration timeout) {
    return new ApacheHttpUrlFetcher(
        AddressPolicy.allowing(List.of("pages.test")),
        resolver,
        new ApacheHttpUrlFetcher.Limits(maxBytes, Duration.ofSeconds(2), timeout));
  }

  private String at(String host, String path) {
    return "http://" + host + ":" + server.port() + path;
  }

  private UrlFetcher.Fetched fetch(String url) {
    return fetcher.fetch(new UrlFetcher.Request(URI.create(url), HTML));
  }

  private int requestsSeen() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  @Test
  void fetchesAnAllowedPageThroughTheAddressItChecked() {
    server.stubFor(get("/page")
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/html; charset=ISO-8859-1")
            .withBody("<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1))));

    UrlFetcher.Fetched page = fetch(at("pages.test", "/page#section"));

    assertThat(page.mediaType()).isEqualTo("text/html");
    assertThat(page.charset()).contains("ISO-8859-1");
    assertThat(new String(page.body(), StandardCharsets.ISO_8859_1)).isEqualTo("<p>caf\u00e9</p>");
    // pages.test exists only in the test table: the connection used its one answer, looked up once
    assertThat(lookups).hasValue(1);
    server.verify(getRequestedFor(urlEqualTo("/page"))
        .withHeader(
            "Host",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                "pages.test:" + server.port())));
  }

  @Test
  void refusesANameThatResolvesToAPrivateAddress() {
    assertThatThrownBy(() -> fetch(at("internal.test", "/")))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessage("internal.test (10.0.0.7) is a private address and may not be fetched");
  }

  @Test
  void refusesANameWhenAnyOfItsAddressesIsRefused() {
    assertThatThrownBy(() -> fetch(at("mixed.test", "/")))
        .hasMessageContaining("mixed.test (127.0.0.1) is a loopback");
    assertThatThrownBy(() -> fetch(at("meta.test", "/"))).hasMessageContaining("metadata");
    assertThatThrownBy(() -> fetch(at("v6.test", "/"))).hasMessageContaining("loopback");
    assertThat(requestsSeen()).isZero();
  }

  @Test
  void refusesLoopbackLiteralsAndLocalhostThroughTheSystemResolver() throws Exception {
    server.stubFor(get(anyUrl())
        .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("secret")));
    try (ApacheHttpUrlFetcher system = fetcher(HostResolver.SYSTEM, 1000, Duration.ofSeconds(5))) {
      for (String url : List.of(
          at("127.0.0.1", "/"),
          at("localhost", "/"),
          at("[::1]", "/"),
          at("2130706433", "/"),
          at("0x7f.1", "/"),
          at("127.1", "/"),
          at("[::ffff:127.0.0.1]", "/"))) {
        assertThatThrownBy(() -> system.fetch(new UrlFetcher.Request(URI.create(url), HTML)))
            .as(url)
            .isInstanceOf(UpstreamFailureException.class)
            .hasMessageContaining("may not be fetched");
      }
    }
    assertThat(requestsSeen()).isZero();
  }

  @Test
  void refusesARedirectToLoopbackWithoutFollowingIt() {
    server.stubFor(get("/start")
        .willReturn(aResponse()
            .withStatus(302)
            .withHeader("Location", "http://127.0.0.1:" + server.port() + "/secret")));
    server.stubFor(get("/secret")
        .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("x")));

    assertThatThrownBy(() -> fetch(at("pages.test", "/start")))
        .hasMessageContaining("127.0.0.1 is a loopback");
    server.verify(0, getRequestedFor(urlEqualTo("/secret")));
  }

  @Test
  void refusesARedirectToANameThatResolvesPrivately() {
    server.stubFor(get("/start")
        .willReturn(
            aResponse().withStatus(301).withHeader("Location", "http://internal.test/admin")));

    assertThatThrownBy(() -> fetch(at("pages.test", "/start")))
        .hasMessageContaining("internal.test (10.0.0.7)");
    assertThat(looked).containsExactly("pages.test", "internal.test");
  }

  @Test
  void refusesRedirectsToOtherSchemesAndOddSpellings() {
    server.stubFor(get("/file")
        .willReturn(aResponse().withStatus(307).withHeader("Location", "file:///etc/passwd")));
    server.stubFor(get("/hex")
        .willReturn(aResponse().withStatus(308).withHeader("Location", "http://0x7f000001/")));

    assertThatThrownBy(() -> fetch(at("pages.test", "/file")))
        .hasMessageContaining("only http and https");
    assertThatThrownBy(() -> fetch(at("pages.test", "/hex")))
        .hasMessageContaining("unusual spelling");
  }

  @Test
  void followsFiveRedirectsAndNoMore() {
    for (int i = 0; i < 6; i++) {
      server.stubFor(get("/r" + i)
          .willReturn(aResponse().withStatus(302).withHeader("Location", "/r" + (i + 1))));
    }
    server.stubFor(get("/r5")
        .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("five")));
    server.stubFor(get("/r6")
        .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("six")));

    assertThat(new String(fetch(at("pages.test", "/r0")).body(), StandardCharsets.UTF_8))
        .isEqualTo("five");
    assertThat(fetch(at("pages.test", "/r0")).url().getPath()).isEqualTo("/r5");
    server.stubFor(
        get("/r5").willReturn(aResponse().withStatus(302).withHeader("Location", "/r6")));
    assertThatThrownBy(() -> fetch(at("pages.test", "/r0")))
        .hasMessageContaining("redirects more than 5 times");
    server.verify(0, getRequestedFor(urlEqualTo("/r6")));
  }

  @Test
  void refusesMediaTypesTheCallerCannotUse() {
    server.stubFor(get("/bin")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/octet-stream")
            .withBody(new byte[] {1, 2})));
    server.stubFor(get("/none").willReturn(aResponse().withBody("no type")));
    server.stubFor(get("/img")
        .willReturn(aResponse()
            .withHeader("Content-Type", "image/png")
            .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));

    assertThatThrownBy(() -> fetch(at("pages.test", "/bin")))
        .hasMessageContaining("application/octet-stream, not");
    assertThatThrownBy(() -> fetch(at("pages.test", "/none")))
        .hasMessageContaining("of no stated type");
    UrlFetcher.Fetched image = fetcher.fetch(
        new UrlFetcher.Request(URI.create(at("pages.test", "/img")), Set.of("image/*")));
    assertThat(image.mediaType()).isEqualTo("image/png");
  }

  @Test
  void capsTheBodyDeclaredOrNotAndAfterDecompression() throws Exception {
    fetcher.close();
    fetcher = fetcher(table, 1000, Duration.ofSeconds(10));
    server.stubFor(get("/big")
        .willReturn(
            aResponse().withHeader("Content-Type", "text/html").withBody("x".repeat(1001))));
    server.stubFor(get("/fits")
        .willReturn(
            aResponse().withHeader("Content-Type", "text/html").withBody("x".repeat(1000))));
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(new byte[1_000_000]);
    }
    server.stubFor(get("/bomb")
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/html")
            .withHeader("Content-Encoding", "gzip")
            .withBody(zipped.toByteArray())));

    assertThat(fetch(at("pages.test", "/fits")).body()).hasSize(1000);
    assertThatThrownBy(() -> fetch(at("pages.test", "/big")))
        .hasMessageContaining("larger than 1000 bytes");
    assertThat(zipped.size()).isLessThan(1000 * 10);
    assertThatThrownBy(() -> fetch(at("pages.test", "/bomb")))
        .hasMessageContaining("larger than 1000 bytes");
  }

  @Test
  void givesUpAtTheDeadlineEvenWhenEveryChunkArrivesInTime() throws Exception {
    fetcher.close();
    fetcher = fetcher(table, 1_000_000, Duration.ofMillis(800));
    server.stubFor(get("/slow")
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/html")
            .withBody("late")
            .withFixedDelay(5_000)));
    server.stubFor(get("/drip")
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/html")
            .withBody("d".repeat(200))
            .withChunkedDribbleDelay(20, 6_000)));

    assertThatThrownBy(() -> fetch(at("pages.test", "/slow")))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("took longer than 800 ms");
    assertThatThrownBy(() -> fetch(at("pages.test", "/drip")))
        .hasMessageContaining("took longer than 800 ms");
  }

  @Test
  void reportsErrorStatusesAndUnknownHosts() {
    server.stubFor(get("/missing").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/broken").willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> fetch(at("pages.test", "/missing")))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageEndingWith("answered 404");
    assertThatThrownBy(() -> fetch(at("pages.test", "/broken")))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isTrue());
    assertThatThrownBy(() -> fetch(at("nowhere.test", "/"))).hasMessageContaining("unknown host");
  }
}
