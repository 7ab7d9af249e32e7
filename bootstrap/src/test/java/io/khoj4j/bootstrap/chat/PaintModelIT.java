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
}
