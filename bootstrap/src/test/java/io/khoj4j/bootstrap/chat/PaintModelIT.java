package io.khoj4j.bootstrap.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With an image model configured by KHOJ_IMAGE_*: it is listed, selectable, and /image is offered. */
@QuarkusTest
@TestProfile(PaintModelIT.WithImageModel.class)
class PaintModelIT {

  static final int IMAGE_PORT = freePort();
  private static final String PNG_B64 =
      java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
  private static FakeOpenAi openAi;
  private static WireMockServer images;
  private static TestUser admin;

  /** An OpenAI-compatible image model on a local stub. */
  public static final class WithImageModel implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "khoj.image.type",
          "openai",
          "khoj.image.model",
          "dall-e-3",
          "khoj.image.url",
          "http://127.0.0.1:" + IMAGE_PORT + "/v1",
          "khoj.image.api-key",
          "sk-test");
    }
  }

  private static int freePort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeEach
  void setUp() {
    if (openAi == null) {
      openAi = new FakeOpenAi().start();
      images = new WireMockServer(options().port(IMAGE_PORT).bindAddress("127.0.0.1"));
      images.start();
      admin = TestUsers.createAdmin();
    }
    openAi.configureAsDefault(admin);
    openAi.script("Here is your fox.", "A fox", "fox");
    images.resetAll();
  }

  @AfterAll
  static void tearDown() {
    if (openAi != null) {
      openAi.stop();
      images.stop();
    }
  }

  private static String chat(TestUser user, String q) {
    return user.request()
        .contentType("application/json")
        .body(Map.of("q", q, "stream", true))
        .post("/api/chat?client=test")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void aStreamedImageCommandSendsGeneratedAssetsAndKeepsTheImageOnTheAnswer() {
    images.stubFor(post(urlPathEqualTo("/v1/images/generations"))
        .withHeader(
            "Authorization",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer sk-test"))
        .willReturn(okJson("{\"data\":[{\"b64_json\":\"" + PNG_B64 + "\"}]}")));
    TestUser alice = TestUsers.create();

    String body = chat(alice, "/image a sleeping fox");

    String src = "data:image/png;base64," + PNG_B64;
    assertThat(body)
        .contains("\"type\":\"generated_assets\"")
        .contains(src)
        .contains("Here is ")
        .contains("\"type\":\"end_llm_response\"");
    alice
        .request()
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat[1].images", contains(src));
    String conversation =
        body.substring(body.indexOf("\"conversationId\":\"") + 18).substring(0, 36);
    TestUser bob = TestUsers.create();
    String bobSees = bob.request()
        .queryParam("conversation_id", conversation)
        .get("/api/chat/history")
        .then()
        .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
        .extract()
        .asString();
    assertThat(bobSees).doesNotContain(PNG_B64);
  }

  @Test
  void aRateLimitedImageVendorIsACleanStatusAndTheConversationGoesOn() {
    images.stubFor(post(urlPathEqualTo("/v1/images/generations"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "17")));
    TestUser alice = TestUsers.create();

    String body = chat(alice, "/image a sleeping fox");

    assertThat(body)
        .contains("Failed to generate image")
        .doesNotContain("generated_assets")
        .contains("Here is ")
        .contains("\"type\":\"end_llm_response\"");
    alice
        .request()
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat", hasSize(2))
        .body("response.chat[1].images", hasSize(0));
  }

  @Test
  void theConfiguredModelIsListedAndEveryUsersSelection() {
    TestUser user = TestUsers.create();
    user.request()
        .get("/api/model/paint/options")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].name", equalTo("dall-e-3"))
        .body("[0].id", equalTo(1))
        .body("[0].tier", equalTo("free"));
    user.request()
        .get("/api/settings?detailed=true")
        .then()
        .statusCode(200)
        .body("paint_model_options.name", contains("dall-e-3"))
        .body("selected_paint_model_config", equalTo(1));
    io.restassured.RestAssured.given()
        .get("/api/chat/options")
        .then()
        .statusCode(200)
        .body("image", notNullValue());
  }

  @Test
  void choosingItIsOkAnotherIdIsNotFoundBadInputIs422AndStrangersAre403() {
    TestUser user = TestUsers.create();
    user.request()
        .post("/api/model/paint?id=1")
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"));
    user.request()
        .post("/api/model/paint?id=2")
        .then()
        .statusCode(404)
        .body("message", equalTo("Image model not found"));
    user.request().post("/api/model/paint?id=x").then().statusCode(422);
    io.restassured.RestAssured.given()
        .post("/api/model/paint?id=1")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
  }

  private long imageModel(String name, String key) {
    return Long.parseLong(admin.created(
        "/api/admin/image-models",
        Map.of(
            "name",
            name,
            "friendly_name",
            name.toUpperCase(java.util.Locale.ROOT),
            "model_type",
            "openai",
            "api_key",
            key,
            "api_url",
            "http://127.0.0.1:" + IMAGE_PORT + "/v1",
            "price_tier",
            "standard")));
  }

  @Test
  void administratorsConfigureImageModelsAndEachUserPaintsWithTheirChoice() {
    images.stubFor(post(urlPathEqualTo("/v1/images/generations"))
        .willReturn(okJson("{\"data\":[{\"b64_json\":\"" + PNG_B64 + "\"}]}")));
    long first = imageModel("gpt-image-1", "sk-first");
    long second = imageModel("flux-local", "sk-second");
    try {
      admin
          .request()
          .get("/api/admin/image-models")
          .then()
          .statusCode(200)
          .body("name", contains("gpt-image-1", "flux-local"))
          .body("[0].has_api_key", equalTo(true))
          .body("[0].model_type", equalTo("openai"))
          .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("sk-first")));
      TestUser alice = TestUsers.create();
      TestUser bob = TestUsers.create();
      alice
          .request()
          .get("/api/model/paint/options")
          .then()
          .statusCode(200)
          .body("name", contains("GPT-IMAGE-1", "FLUX-LOCAL"))
          .body("[1].tier", equalTo("standard"));
      alice.request().post("/api/model/paint?id=" + second).then().statusCode(200);
      alice.request().post("/api/model/paint?id=999999").then().statusCode(404);
      alice
          .request()
          .get("/api/settings?detailed=true")
          .then()
          .body("selected_paint_model_config", equalTo((int) second));
      bob.request()
          .get("/api/settings?detailed=true")
          .then()
          .body("selected_paint_model_config", equalTo((int) first));

      chat(alice, "/image a sleeping fox");
      chat(bob, "/image a sleeping fox");

      List<com.github.tomakehurst.wiremock.verification.LoggedRequest> painted =
          images.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
              urlPathEqualTo("/v1/images/generations")));
      assertThat(painted)
          .extracting(
              r -> r.getHeader("Authorization") + " " + r.getBodyAsString().contains("flux-local"))
          .containsExactly("Bearer sk-second true", "Bearer sk-first false");
    } finally {
      admin.request().delete("/api/admin/image-models/" + first).then().statusCode(200);
      admin.request().delete("/api/admin/image-models/" + second).then().statusCode(200);
    }
  }

  @Test
  void badImageModelsAreRefusedAndOnlyAdministratorsMayChangeThem() {
    Map<Map<String, Object>, Integer> bad = new java.util.LinkedHashMap<>();
    bad.put(Map.of("model_type", "openai"), 422);
    bad.put(Map.of("name", "x", "model_type", "midjourney"), 422);
    bad.put(Map.of("name", "no-owner", "model_type", "replicate"), 422);
    bad.put(Map.of("name", "x", "api_url", "ftp://images.example"), 422);
    bad.forEach((body, status) -> admin
        .request()
        .contentType("application/json")
        .body(body)
        .post("/api/admin/image-models")
        .then()
        .statusCode(status)
        .body(org.hamcrest.Matchers.containsString("detail")));
    admin
        .request()
        .contentType("application/json")
        .body(Map.of("name", "x"))
        .put("/api/admin/image-models/999999")
        .then()
        .statusCode(404);
    admin.request().get("/api/admin/image-models").then().statusCode(200).body("$", hasSize(0));
    TestUser bob = TestUsers.create();
    bob.request().get("/api/admin/image-models").then().statusCode(403);
    bob.request()
        .contentType("application/json")
        .body(Map.of("name", "x"))
        .post("/api/admin/image-models")
        .then()
        .statusCode(403);
  }
}
