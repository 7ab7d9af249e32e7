package io.khoj4j.adapter.llm.out.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.khoj4j.application.error.UpstreamFailureException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/models} of an OpenAI-compatible server, stubbed in OpenAI's list shape. */
class OpenAiCompatibleModelDiscoveryTest {

  private static final String LIST = """
      {"object":"list","data":[
        {"id":"llama3.2:latest","object":"model","created":1730000000,"owned_by":"library"},
        {"id":"qwen2.5:7b","object":"model","created":1730000001,"owned_by":"library"},
        {"id":"llama3.2:latest","object":"model","created":1730000000,"owned_by":"library"},
        {"object":"model","created":1730000002},
        {"id":"  ","object":"model"}
      ]}""";

  private WireMockServer server;
  private final OpenAiCompatibleModelDiscovery discovery =
      new OpenAiCompatibleModelDiscovery(Duration.ofSeconds(5), Duration.ofSeconds(10));
  /** Gives up after a second, for the tests of slow servers. */
  private final OpenAiCompatibleModelDiscovery impatient =
      new OpenAiCompatibleModelDiscovery(Duration.ofSeconds(5), Duration.ofSeconds(1));

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String base() {
    return server.baseUrl() + "/v1";
  }

  private UpstreamFailureException failure() {
    return failure(discovery);
  }

  private UpstreamFailureException failure(OpenAiCompatibleModelDiscovery discovery) {
    try {
      discovery.listModels(base(), "sk-local");
    } catch (UpstreamFailureException e) {
      return e;
    }
    throw new AssertionError("listing models did not fail");
  }

  @Test
  void readsTheIdsOfAnOpenAiModelListInOrderOnceEach() {
    server.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson(LIST)));

    assertThat(discovery.listModels(base(), "sk-local"))
        .containsExactly("llama3.2:latest", "qwen2.5:7b");
    assertThat(discovery.listModels(base() + "/", "sk-local"))
        .containsExactly("llama3.2:latest", "qwen2.5:7b");
  }

  @Test
  void sendsTheKeyAsABearerTokenAndNoHeaderWithoutOne() {
    server.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson(LIST)));

    discovery.listModels(base(), "sk-local");
    discovery.listModels(base(), "");

    server.verify(
        1,
        getRequestedFor(urlEqualTo("/v1/models"))
            .withHeader("Authorization", equalTo("Bearer sk-local")));
    server.verify(
        1, getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization", absent()));
  }

  @Test
  void anEmptyListIsNoModels() {
    server.stubFor(
        get(urlEqualTo("/v1/models")).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));

    assertThat(discovery.listModels(base(), null)).isEmpty();
  }

  @Test
  void aRejectedKeyIsAFailureNotWorthRetrying() {
    server.stubFor(
        get(urlEqualTo("/v1/models"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}")));

    UpstreamFailureException e = failure();

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("HTTP 401").doesNotContain("sk-local");
  }

  @Test
  void aServerErrorIsAFailureWorthRetrying() {
    server.stubFor(
        get(urlEqualTo("/v1/models")).willReturn(aResponse().withStatus(500).withBody("oops")));

    UpstreamFailureException e = failure();

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("HTTP 500");
  }

  @Test
  void aServerThatDoesNotAnswerInTimeFails() {
    server.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson(LIST).withFixedDelay(4_000)));
    long started = System.nanoTime();

    UpstreamFailureException e = failure(impatient);

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3_500));
  }

  @Test
  void aBodyThatTricklesInPastTheTimeoutFails() {
    server.stubFor(
        get(urlEqualTo("/v1/models")).willReturn(okJson(LIST).withChunkedDribbleDelay(20, 4_000)));
    long started = System.nanoTime();

    UpstreamFailureException e = failure(impatient);

    assertThat(e.getMessage()).contains("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3_500));
  }

  @Test
  void somethingOtherThanAModelListFails() {
    server.stubFor(get(urlEqualTo("/v1/models"))
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body>Welcome to nginx!</body></html>")));
    assertThat(failure().getMessage()).contains("did not answer with a model list");

    server.stubFor(
        get(urlEqualTo("/v1/models")).willReturn(okJson("{\"models\":[{\"name\":\"llama3.2\"}]}")));
    assertThat(failure().getMessage()).contains("did not answer with a model list");

    server.stubFor(get(urlEqualTo("/v1/models"))
        .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":")));
    assertThat(failure().getMessage()).contains("did not answer with a model list");
  }

  @Test
  void aDroppedConnectionOrABadUrlFailsCleanly() {
    server.stubFor(get(urlEqualTo("/v1/models"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(failure().retryable()).isTrue();

    assertThatThrownBy(() -> discovery.listModels("not a url", ""))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isFalse());
  }
}
