package io.khoj4j.adapter.connector.out.web.read;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.khoj4j.adapter.connector.out.web.fetch.AddressPolicy;
import io.khoj4j.adapter.connector.out.web.fetch.ApacheHttpUrlFetcher;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.WebReader;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading a page directly, through the real SSRF-safe fetcher, from a local server allow-listed as wiki.test. */
class DirectWebReaderTest {

  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private ApacheHttpUrlFetcher fetcher;
  private WebReader reader;

  @BeforeEach
  void start() {
    server.start();
    fetcher = new ApacheHttpUrlFetcher(
        AddressPolicy.allowing(List.of("wiki.test")),
        host -> List.of(InetAddress.getByName(host.equals("wiki.test") ? "127.0.0.1" : "10.0.0.1")),
        new ApacheHttpUrlFetcher.Limits(100_000, Duration.ofSeconds(5), Duration.ofSeconds(10)));
    reader = new DirectWebReader(fetcher);
  }

  @AfterEach
  void stop() throws Exception {
    fetcher.close();
    server.stop();
  }

  private URI at(String path) {
    return URI.create("http://wiki.test:" + server.port() + path);
  }

  @Test
  void aCharsetNameThatIsNotEvenLegalIsReadAsUtf8() {
    // Charset.isSupported throws for such names; the whole chat turn failed with it
    server.stubFor(get("/odd")
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/plain; charset=\"utf-8, iso-8859-1\"")
            .withBody("caf\u00e9 notes")));

    assertThat(reader.read(at("/odd")).text()).isEqualTo("caf\u00e9 notes");
  }

  @Test
  void readsHtmlAsMarkdownAndTextAsItIs() {
    server.stubFor(get("/tea")
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody(
                "<html><body><h1>Tea</h1><p>Green <a href=\"/leaf\">leaf</a>.</p></body></html>")));
    server.stubFor(get("/notes.txt")
        .willReturn(
            aResponse().withHeader("Content-Type", "text/plain").withBody("  plain notes  ")));

    assertThat(reader.read(at("/tea")).text())
        .isEqualTo("# Tea\n\nGreen [leaf](http://wiki.test:" + server.port() + "/leaf).");
    assertThat(reader.read(at("/notes.txt")).text()).isEqualTo("plain notes");
  }

  @Test
  void refusesWhatTheFetcherRefuses() {
    server.stubFor(get("/pdf")
        .willReturn(
            aResponse().withHeader("Content-Type", "application/pdf").withBody(new byte[] {'%', 'P'
            })));

    assertThatThrownBy(() -> reader.read(at("/pdf")))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("application/pdf");
    assertThatThrownBy(() -> reader.read(URI.create("http://elsewhere.test/")))
        .hasMessageContaining("private");
  }
}
