package io.khoj4j.adapter.llm.out.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.embedding.EmbeddingModelContract;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The OpenAI-compatible adapter keeps the port's promises against a server speaking OpenAI's {@code /v1/embeddings}
 * that returns vectors not of unit length. Batches of two make every batch of the contract span several requests.
 */
class OpenAiCompatibleEmbeddingModelIT extends EmbeddingModelContract {

  private static WireMockServer server;
  private static OpenAiCompatibleEmbeddingModel model;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort().extensions(new OpenAiEmbeddingsStub()));
    server.start();
    server.stubFor(
        post("/v1/embeddings").willReturn(aResponse().withTransformers(OpenAiEmbeddingsStub.NAME)));
    model = new OpenAiCompatibleEmbeddingModel(
        server.baseUrl() + "/v1", "key-123", "nomic-embed-text", null, 2, Duration.ofSeconds(5), 0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    server.resetRequests();
  }

  @Override
  protected EmbeddingModel model() {
    return model;
  }

  @Override
  protected String expectedId() {
    return "openai:nomic-embed-text";
  }

  @Override
  protected Optional<String> expectedPublishedName() {
    return Optional.of("nomic-embed-text");
  }

  @Override
  protected void afterEmptyBatch() {
    server.verify(0, postRequestedFor(urlEqualTo("/v1/embeddings")));
  }
}
