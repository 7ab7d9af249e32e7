package io.khoj4j.adapter.llm.out.rerank;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.khoj4j.application.error.UpstreamFailureException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpRerankerTest {

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpReranker reranker(HttpReranker.Dialect dialect, Duration timeout) {
    return new HttpReranker(
        URI.create(server.baseUrl() + "/v1/rerank"),
        dialect,
        "rerank-english-v3.0",
        "key-123",
        timeout,
        Duration.ofMillis(10));
  }

  @Test
  void cohereDialectSendsTheStandardRequestAndMapsScoresBackByIndex() {
    server.stubFor(post("/v1/rerank").willReturn(okJson("""
        {"id":"x","results":[{"index":1,"relevance_score":0.91},{"index":0,"relevance_score":0.12}],
         "meta":{"billed_units":{"search_units":1}}}""")));

    List<Double> scores = reranker(HttpReranker.Dialect.COHERE, Duration.ofSeconds(2))
        .relevance("tea", List.of("coffee beans", "green tea"));

    assertThat(scores).containsExactly(0.12, 0.91);
    server.verify(postRequestedFor(urlEqualTo("/v1/rerank"))
        .withHeader("Authorization", equalTo("Bearer key-123"))
        .withRequestBody(equalToJson("""
            {"model":"rerank-english-v3.0","query":"tea","documents":["coffee beans","green tea"],
             "top_n":2,"return_documents":false}""")));
  }

  @Test
  void teiDialect() {
    server.stubFor(post("/v1/rerank")
        .willReturn(okJson("[{\"index\":0,\"score\":0.3},{\"index\":1,\"score\":0.8}]")));

    List<Double> scores = reranker(HttpReranker.Dialect.TEI, Duration.ofSeconds(2))
        .relevance("tea", List.of("a", "b"));

    assertThat(scores).containsExactly(0.3, 0.8);
    server.verify(postRequestedFor(urlEqualTo("/v1/rerank"))
        .withRequestBody(
            equalToJson("{\"query\":\"tea\",\"texts\":[\"a\",\"b\"],\"raw_scores\":false}")));
  }

  @Test
  void a429IsRetriedOnce() {
    server.stubFor(post("/v1/rerank")
        .inScenario("busy")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
        .willSetStateTo("ok"));
    server.stubFor(post("/v1/rerank")
        .inScenario("busy")
        .whenScenarioStateIs("ok")
        .willReturn(okJson("{\"results\":[{\"index\":0,\"relevance_score\":0.5}]}")));

    assertThat(reranker(HttpReranker.Dialect.COHERE, Duration.ofSeconds(2))
            .relevance("q", List.of("d")))
        .containsExactly(0.5);
  }

  @Test
  void serverErrorsTimeoutsAndGarbageBecomeUpstreamFailures() {
    server.stubFor(post("/v1/rerank").willReturn(aResponse().withStatus(500).withBody("boom")));
    assertThatThrownBy(() -> reranker(HttpReranker.Dialect.COHERE, Duration.ofSeconds(2))
            .relevance("q", List.of("d")))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("500");

    server.stubFor(post("/v1/rerank").willReturn(okJson("{}").withFixedDelay(1500)));
    assertThatThrownBy(() -> reranker(HttpReranker.Dialect.COHERE, Duration.ofMillis(300))
            .relevance("q", List.of("d")))
        .isInstanceOf(UpstreamFailureException.class);

    server.stubFor(post("/v1/rerank")
        .willReturn(okJson("{\"results\":[{\"index\":7,\"relevance_score\":1}]}")));
    assertThatThrownBy(() -> reranker(HttpReranker.Dialect.COHERE, Duration.ofSeconds(2))
            .relevance("q", List.of("d")))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("malformed");

    server.stubFor(post("/v1/rerank").willReturn(aResponse().withStatus(200).withBody("not json")));
    assertThatThrownBy(() -> reranker(HttpReranker.Dialect.COHERE, Duration.ofSeconds(2))
            .relevance("q", List.of("d")))
        .isInstanceOf(UpstreamFailureException.class);
  }
}
