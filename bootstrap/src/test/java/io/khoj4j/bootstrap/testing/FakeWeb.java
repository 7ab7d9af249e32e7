package io.khoj4j.bootstrap.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A stand-in web on 127.0.0.1: a SearXNG instance answering with its HTML results page, a page to read, and a
 * Terrarium sandbox and an MCP tool server. The server is configured to search it, to read top results, to run code there, and to allow
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

  /**
   * An MCP server speaking the streamable HTTP transport at {@code /mcp} (JSON-RPC over POST, the request's id echoed)
   * with one tool, {@code stock}, that answers with the grams of the tea it is asked about.
   */
  public static void mcpServes() {
    server.stubFor(
        post(urlPathEqualTo("/mcp"))
            .withRequestBody(matchingJsonPath("$.method", equalTo("initialize")))
            .willReturn(
                rpc(
                    "{\"protocolVersion\":\"{{jsonPath request.body '$.params.protocolVersion'}}\","
                        + "\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"teashop\",\"version\":\"1\"}}")));
    server.stubFor(post(urlPathEqualTo("/mcp"))
        .withRequestBody(matchingJsonPath("$.method", equalTo("notifications/initialized")))
        .willReturn(aResponse().withStatus(202)));
    server.stubFor(
        post(urlPathEqualTo("/mcp"))
            .withRequestBody(matchingJsonPath("$.method", equalTo("tools/list")))
            .willReturn(
                rpc(
                    "{\"tools\":[{\"name\":\"stock\",\"description\":\"Grams of a tea in stock\","
                        + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"tea\":{\"type\":\"string\"}}}}]}")));
    server.stubFor(post(urlPathEqualTo("/mcp"))
        .withRequestBody(matchingJsonPath("$.method", equalTo("tools/call")))
        .willReturn(rpc("{\"content\":[{\"type\":\"text\",\"text\":\"{{jsonPath request.body "
            + "'$.params.arguments.tea'}}: 120 g in stock\"}],\"isError\":false}")));
  }

  private static ResponseDefinitionBuilder rpc(String result) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"jsonrpc\":\"2.0\",\"id\":{{jsonPath request.body '$.id'}},\"result\":"
            + result + "}");
  }

  public static void searxngFails() {
    server.stubFor(get(urlPathEqualTo("/searx/search")).willReturn(aResponse().withStatus(502)));
  }

  @Override
  public Map<String, String> start() {
    server =
        new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
    server.start();
    searxngFinds();
    mcpServes();
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
        "true",
        "khoj.mcp.servers.teashop.url",
        "http://127.0.0.1:" + server.port() + "/mcp");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
