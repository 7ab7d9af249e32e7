package io.khoj4j.bootstrap.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A stand-in web on 127.0.0.1: a SearXNG instance answering with its HTML results page, a page to read, and a
 * Terrarium sandbox. The server is configured to search it, to read top results, to run code there, and to allow
 * 127.0.0.1 as an intranet address (the fetcher refuses loopback otherwise).
 */
public class FakeWeb implements QuarkusTestResourceLifecycleManager {

  public static WireMockServer server;

  public static String pageUrl() {
    return "http://127.0.0.1:" + server.port() + "/pages/tea.html";
  }

  /** SearXNG's results page with one result: the page at {@link #pageUrl()}. */
  public static void searxngFinds() {
    server.stubFor(get(urlPathEqualTo("/searx/search"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody("""
            <!DOCTYPE html><html><body><div id="urls" role="main">
            <article class="result result-default category-general">
              <a href="%1$s" class="url_header" rel="noreferrer">127.0.0.1</a>
              <h3><a href="%1$s" rel="noreferrer">Green tea guide</a></h3>
              <p class="content">Everything about green tea.</p>
            </article></div></body></html>""".formatted(pageUrl()))));
  }

  public static void searxngFails() {
    server.stubFor(get(urlPathEqualTo("/searx/search")).willReturn(aResponse().withStatus(502)));
  }

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    searxngFinds();
    server.stubFor(get(urlPathEqualTo("/pages/tea.html"))
        .willReturn(
            aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody("""
            <html><head><title>Tea</title></head><body><nav>Menu</nav>
            <main><h1>Green tea</h1><p>Green tea is best brewed at <strong>80 degrees</strong>.</p></main>
            </body></html>""")));
    server.stubFor(post(urlPathEqualTo("/terrarium"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
            {"success":true,"std_out":"42\\n","std_err":"","code_runtime":12,
             "output_files":[{"filename":"answer.txt","b64_data":"NDI="}]}""")));
    return Map.of(
        "khoj.code.terrarium-url",
        "http://127.0.0.1:" + server.port() + "/terrarium",
        "khoj.web.searxng-url",
        "http://127.0.0.1:" + server.port() + "/searx",
        "khoj.web.fetch.allow",
        "127.0.0.1/32",
        "khoj.web.auto-read-webpage",
        "true");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
