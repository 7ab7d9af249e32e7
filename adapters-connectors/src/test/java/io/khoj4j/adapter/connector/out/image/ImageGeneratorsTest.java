package io.khoj4j.adapter.connector.out.image;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.khoj4j.adapter.connector.out.web.fetch.AddressPolicy;
import io.khoj4j.adapter.connector.out.web.fetch.ApacheHttpUrlFetcher;
import io.khoj4j.adapter.connector.out.web.fetch.HostResolver;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.ImageGenerator.Inline;
import io.khoj4j.application.port.out.tools.ImageGenerator.Request;
import io.khoj4j.application.port.out.tools.ImageGenerator.Shape;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each image vendor against a local stub of its real wire format: request, answer, and every way it fails. */
class ImageGeneratorsTest {

  private static final byte[] PNG = "\u0089PNG-bytes".getBytes(StandardCharsets.ISO_8859_1);
  private static final String B64 = Base64.getEncoder().encodeToString(PNG);

  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private final VendorHttp http = new VendorHttp(Duration.ofSeconds(2));
  private ApacheHttpUrlFetcher fetcher;
  private URI base;

  @BeforeEach
  void start() {
    server.start();
    base = URI.create("http://127.0.0.1:" + server.port());
    fetcher = fetcher(AddressPolicy.allowing(List.of("127.0.0.1")));
  }

  @AfterEach
  void stop() throws Exception {
    fetcher.close();
    server.stop();
  }

  private static ApacheHttpUrlFetcher fetcher(AddressPolicy policy) {
    return new ApacheHttpUrlFetcher(
        policy,
        HostResolver.SYSTEM,
        new ApacheHttpUrlFetcher.Limits(1_000_000, Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }

  private ImageGenerator vendor(String name) {
    return switch (name) {
      case "openai" ->
        new OpenAiImageGenerator(http, URI.create(base + "/v1"), "sk-key", "dall-e-3", fetcher);
      case "imagen" -> new GoogleImageGenerator(http, base, "g-key", "imagen-3.0-generate-002");
      case "gemini" -> new GoogleImageGenerator(http, base, "g-key", "gemini-2.5-flash-image");
      case "replicate" ->
        new ReplicateImageGenerator(
            http,
            base,
            "r8-key",
            "black-forest-labs/flux-schnell",
            new ReplicateImageGenerator.Polling(Duration.ZERO, 3),
            fetcher);
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static Request tea(Shape shape) {
    return new Request("a cup of green tea", shape);
  }

  private void stubPng() {
    server.stubFor(get("/files/out.png")
        .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PNG)));
  }

  @Test
  void openAiSendsModelPromptAndSizeAndReadsBase64() {
    server.stubFor(post("/v1/images/generations")
        .willReturn(okJson("{\"created\":1,\"data\":[{\"b64_json\":\"" + B64
            + "\",\"revised_prompt\":\"tea\"}]}")));
    Inline image = (Inline) vendor("openai").generate(tea(Shape.LANDSCAPE));
    assertThat(image.mimeType()).isEqualTo("image/png");
    assertThat(image.data()).isEqualTo(PNG);
    server.verify(postRequestedFor(urlPathEqualTo("/v1/images/generations"))
        .withHeader("Authorization", equalTo("Bearer sk-key"))
        .withRequestBody(
            equalToJson("{\"model\":\"dall-e-3\",\"prompt\":\"a cup of green tea\",\"n\":1,"
                + "\"size\":\"1792x1024\",\"response_format\":\"b64_json\"}")));
  }

  @Test
  void anAdministratorsModelIsPaintedWithByItsKindAddressAndKey() {
    server.stubFor(post("/v1/images/generations")
        .willReturn(okJson("{\"data\":[{\"b64_json\":\"" + B64 + "\"}]}")));
    VendorImageGenerators generators = new VendorImageGenerators(
        http, new ReplicateImageGenerator.Polling(Duration.ZERO, 3), fetcher);

    Inline image = (Inline) generators
        .forModel(
            new io.khoj4j.domain.image.ImageModel(
                3,
                "gpt-image-1",
                "GPT Image",
                io.khoj4j.domain.image.ImageModel.Kind.OPENAI,
                java.util.Optional.of(URI.create(base + "/v1")),
                null),
            java.util.Optional.of("admin-key"))
        .generate(tea(Shape.SQUARE));

    assertThat(image.data()).isEqualTo(PNG);
    server.verify(
        postRequestedFor(urlPathEqualTo("/v1/images/generations"))
            .withHeader("Authorization", equalTo("Bearer admin-key"))
            .withRequestBody(
                equalToJson(
                    "{\"model\":\"gpt-image-1\",\"prompt\":\"a cup of green tea\",\"n\":1,\"size\":\"1024x1024\"}")));
  }

  @Test
  void openAiCompatibleUrlAnswersAreLoadedThroughTheFetcher() {
    stubPng();
    server.stubFor(post("/v1/images/generations")
        .willReturn(okJson("{\"data\":[{\"url\":\"" + base + "/files/out.png\"}]}")));
    Inline image = (Inline)
        new OpenAiImageGenerator(http, URI.create(base + "/v1"), "", "gpt-image-1", fetcher)
            .generate(tea(Shape.SQUARE));
    assertThat(image.data()).isEqualTo(PNG);
    server.verify(postRequestedFor(urlPathEqualTo("/v1/images/generations"))
        .withoutHeader("Authorization")
        .withRequestBody(
            equalToJson("{\"model\":\"gpt-image-1\",\"prompt\":\"a cup of green tea\",\"n\":1,"
                + "\"size\":\"1024x1024\"}")));
  }

  @Test
  void aHostedImageInsideTheServersNetworkIsRefused() throws Exception {
    stubPng();
    server.stubFor(post("/v1/images/generations")
        .willReturn(okJson("{\"data\":[{\"url\":\"" + base + "/files/out.png\"}]}")));
    try (ApacheHttpUrlFetcher strict = fetcher(AddressPolicy.publicOnly())) {
      ImageGenerator openAi =
          new OpenAiImageGenerator(http, URI.create(base + "/v1"), "k", "dall-e-2", strict);
      assertThatThrownBy(() -> openAi.generate(tea(Shape.SQUARE)))
          .isInstanceOf(UpstreamFailureException.class);
    }
    server.verify(0, getRequestedFor(urlPathEqualTo("/files/out.png")));
  }

  @Test
  void imagenPredictsWithAspectRatio() {
    server.stubFor(post("/v1beta/models/imagen-3.0-generate-002:predict")
        .willReturn(okJson("{\"predictions\":[{\"mimeType\":\"image/png\",\"bytesBase64Encoded\":\""
            + B64 + "\"}]}")));
    Inline image = (Inline) vendor("imagen").generate(tea(Shape.PORTRAIT));
    assertThat(image.data()).isEqualTo(PNG);
    server.verify(postRequestedFor(urlPathEqualTo("/v1beta/models/imagen-3.0-generate-002:predict"))
        .withHeader("x-goog-api-key", equalTo("g-key"))
        .withRequestBody(equalToJson("{\"instances\":[{\"prompt\":\"a cup of green tea\"}],"
            + "\"parameters\":{\"sampleCount\":1,\"aspectRatio\":\"9:16\"}}")));
  }

  @Test
  void geminiReadsTheInlineDataPart() {
    server.stubFor(post("/v1beta/models/gemini-2.5-flash-image:generateContent")
        .willReturn(okJson(
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Here it is\"},{\"inlineData\":{\"mimeType\":"
                + "\"image/jpeg\",\"data\":\"" + B64 + "\"}}]}}]}")));
    Inline image = (Inline) vendor("gemini").generate(tea(Shape.SQUARE));
    assertThat(image.mimeType()).isEqualTo("image/jpeg");
    assertThat(image.data()).isEqualTo(PNG);
    server.verify(postRequestedFor(
            urlPathEqualTo("/v1beta/models/gemini-2.5-flash-image:generateContent"))
        .withRequestBody(equalToJson(
            "{\"generationConfig\":{\"responseModalities\":[\"TEXT\",\"IMAGE\"]}}", true, true)));
  }

  @Test
  void geminiWithoutAnImageFailsCleanly() {
    server.stubFor(post(urlPathEqualTo("/v1beta/models/gemini-2.5-flash-image:generateContent"))
        .willReturn(okJson(
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"I cannot draw that\"}]}}]}")));
    assertThatThrownBy(() -> vendor("gemini").generate(tea(Shape.SQUARE)))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("without an image");
  }

  @Test
  void replicateWaitsThenPollsUntilSucceededAndLoadsTheOutput() {
    stubPng();
    String poll = base + "/v1/predictions/p1";
    server.stubFor(post("/v1/models/black-forest-labs/flux-schnell/predictions")
        .willReturn(
            okJson("{\"id\":\"p1\",\"status\":\"starting\",\"urls\":{\"get\":\"" + poll + "\"}}")));
    server.stubFor(get("/v1/predictions/p1")
        .inScenario("poll")
        .whenScenarioStateIs("Started")
        .willReturn(
            okJson("{\"id\":\"p1\",\"status\":\"processing\",\"urls\":{\"get\":\"" + poll + "\"}}"))
        .willSetStateTo("done"));
    server.stubFor(get("/v1/predictions/p1")
        .inScenario("poll")
        .whenScenarioStateIs("done")
        .willReturn(okJson("{\"id\":\"p1\",\"status\":\"succeeded\",\"output\":[\"" + base
            + "/files/out.png\"]," + "\"urls\":{\"get\":\"" + poll + "\"}}")));
    Inline image = (Inline) vendor("replicate").generate(tea(Shape.LANDSCAPE));
    assertThat(image.data()).isEqualTo(PNG);
    server.verify(
        postRequestedFor(urlPathEqualTo("/v1/models/black-forest-labs/flux-schnell/predictions"))
            .withHeader("Prefer", equalTo("wait"))
            .withHeader("Authorization", equalTo("Bearer r8-key"))
            .withRequestBody(equalToJson(
                "{\"input\":{\"prompt\":\"a cup of green tea\",\"aspect_ratio\":\"16:9\"}}",
                true,
                true)));
    server.verify(2, getRequestedFor(urlPathEqualTo("/v1/predictions/p1")));
  }

  @Test
  void replicatesSyncAnswerMayBeTheImageItselfAsADataUri() {
    server.stubFor(post("/v1/models/black-forest-labs/flux-schnell/predictions")
        .willReturn(
            okJson("{\"id\":\"p2\",\"status\":\"succeeded\",\"output\":[\"data:image/webp;base64,"
                + B64 + "\"]}")));

    Inline image = (Inline) vendor("replicate").generate(tea(Shape.SQUARE));

    assertThat(image.data()).isEqualTo(PNG);
    assertThat(image.mimeType()).isEqualTo("image/webp");
  }

  @Test
  void replicateFailuresAndForeignPollAddressesAreRefused() {
    server.stubFor(post(urlPathEqualTo("/v1/models/black-forest-labs/flux-schnell/predictions"))
        .willReturn(okJson("{\"status\":\"failed\",\"error\":\"NSFW content detected\"}")));
    assertThatThrownBy(() -> vendor("replicate").generate(tea(Shape.SQUARE)))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("failed: NSFW content detected");
    server.stubFor(post(urlPathEqualTo("/v1/models/black-forest-labs/flux-schnell/predictions"))
        .willReturn(okJson(
            "{\"status\":\"processing\",\"urls\":{\"get\":\"http://169.254.169.254/latest\"}}")));
    assertThatThrownBy(() -> vendor("replicate").generate(tea(Shape.SQUARE)))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("outside its API");
  }

  @Test
  void replicateGivesUpAfterItsPollingAttempts() {
    String poll = base + "/v1/predictions/p2";
    String running = "{\"status\":\"processing\",\"urls\":{\"get\":\"" + poll + "\"}}";
    server.stubFor(post(urlPathEqualTo("/v1/models/black-forest-labs/flux-schnell/predictions"))
        .willReturn(okJson(running)));
    server.stubFor(get("/v1/predictions/p2").willReturn(okJson(running)));
    assertThatThrownBy(() -> vendor("replicate").generate(tea(Shape.SQUARE)))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("in time");
    server.verify(3, getRequestedFor(urlPathEqualTo("/v1/predictions/p2")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "imagen", "gemini", "replicate"})
  void refusedKeysRateLimitsServerErrorsTimeOutsAndBadBodiesAreCleanFailures(String name) {
    assertFailure(
        name,
        aResponse().withStatus(401).withBody("{\"error\":\"bad key\"}"),
        "refused the API key");
    assertFailure(
        name, aResponse().withStatus(429).withHeader("Retry-After", "17"), "retry after 17 s");
    assertFailure(name, aResponse().withStatus(500), "status 500");
    assertFailure(name, aResponse().withFixedDelay(3000).withBody("{}"), "did not answer");
    assertFailure(name, aResponse().withBody("<html>oops"), "unreadable");
    assertFailure(
        name, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "could not be reached");
    assertFailure(
        name,
        okJson("{\"data\":[{\"b64_json\":\"***\"}],\"predictions\":[{\"bytesBase64Encoded\":"
            + "\"***\"}],\"candidates\":[{\"content\":{\"parts\":[{\"inlineData\":{\"data\":\"***\"}}]}}],"
            + "\"status\":\"succeeded\",\"output\":\"not a url\"}"),
        "");
  }

  private void assertFailure(
      String name,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer,
      String message) {
    server.stubFor(post(urlPathEqualTo(pathOf(name))).willReturn(answer));
    assertThatThrownBy(() -> vendor(name).generate(tea(Shape.SQUARE)))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining(message);
  }

  private static String pathOf(String name) {
    return switch (name) {
      case "openai" -> "/v1/images/generations";
      case "replicate" -> "/v1/models/black-forest-labs/flux-schnell/predictions";
      case "imagen" -> "/v1beta/models/imagen-3.0-generate-002:predict";
      default -> "/v1beta/models/gemini-2.5-flash-image:generateContent";
    };
  }
}
