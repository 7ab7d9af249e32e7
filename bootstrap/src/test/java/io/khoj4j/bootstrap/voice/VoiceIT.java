package io.khoj4j.bootstrap.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.khoj4j.bootstrap.testing.SpeechVendorProfile;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Voice in and out through an OpenAI-compatible server (WireMock on a loopback port, speaking
 * {@code /v1/audio/transcriptions} and {@code /v1/audio/speech}): routes, limits, errors, the voice choice per user.
 * Usage limits are on (every user premium without billing), with two transcriptions and two read-alouds a minute
 * ({@link SpeechVendorProfile}).
 */
@QuarkusTest
@TestProfile(SpeechVendorProfile.class)
class VoiceIT {

  static final int PORT = SpeechVendorProfile.PORT;
  private static WireMockServer vendor;
  private static final byte[] WEBM = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, 1, 2, 3, 4};
  private static final byte[] MP3 = {(byte) 0xff, (byte) 0xfb, (byte) 0x90, 0x64, 9, 9, 9, 9};

  @BeforeAll
  static void startVendor() {
    vendor = new WireMockServer(options().port(PORT).bindAddress("127.0.0.1"));
    vendor.start();
  }

  @AfterAll
  static void stopVendor() {
    vendor.stop();
  }

  @BeforeEach
  void stubs() {
    vendor.resetAll();
    vendor.stubFor(post("/v1/audio/transcriptions")
        .willReturn(okJson("{\"text\":\"Remind me to buy tea.\"}")));
    vendor.stubFor(post("/v1/audio/speech")
        .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(MP3)));
  }

  private static io.restassured.response.Response transcribe(
      TestUser user, byte[] audio, String type) {
    return user.request().multiPart("file", "recording.webm", audio, type).post("/api/transcribe");
  }

  @Test
  void aRecordingBecomesText() {
    TestUser alice = TestUsers.create();

    transcribe(alice, WEBM, "audio/webm")
        .then()
        .statusCode(200)
        .body("text", equalTo("Remind me to buy tea."));

    vendor.verify(postRequestedFor(urlEqualTo("/v1/audio/transcriptions"))
        .withHeader(
            "Authorization",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer sk-stt"))
        .withRequestBody(containing("recording.webm")));
  }

  @Test
  void badRecordingsAre422AndNeverReachTheServer() {
    TestUser alice = TestUsers.create();

    transcribe(alice, new byte[10 * 1024 * 1024 + 1], "audio/webm")
        .then()
        .statusCode(422)
        .body("detail", startsWith("Audio size larger than 10Mb limit"));
    transcribe(alice, new byte[0], "audio/webm")
        .then()
        .statusCode(422)
        .body("detail", containsString("empty"));
    transcribe(alice, "hello".getBytes(), "text/plain")
        .then()
        .statusCode(422)
        .body("detail", startsWith("Not audio"));
    alice
        .request()
        .multiPart("other", "x.webm", WEBM, "audio/webm")
        .post("/api/transcribe")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("file"));

    vendor.verify(0, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
  }

  @Test
  void aFailingServerIs503AndARefusingOne502() {
    TestUser alice = TestUsers.create();
    vendor.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(500)));
    transcribe(alice, WEBM, "audio/webm")
        .then()
        .statusCode(503)
        .body("detail", containsString("speech-to-text"));

    vendor.stubFor(post("/v1/audio/speech")
        .willReturn(aResponse()
            .withStatus(401)
            .withBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-***\"}}")));
    alice
        .request()
        .queryParam("text", "Hello")
        .post("/api/chat/speech")
        .then()
        .statusCode(502)
        .body("detail", containsString("HTTP 401"))
        .body("detail", org.hamcrest.Matchers.not(containsString("Incorrect")));
  }

  @Test
  void anAnswerIsReadAloudInTheCallersVoice() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();

    alice
        .request()
        .queryParam("id", "nova")
        .post("/api/model/voice")
        .then()
        .statusCode(202)
        .body("status", equalTo("ok"));
    byte[] audio = alice
        .request()
        .queryParam("text", "**Tea** is ready. See [notes](https://x.org).")
        .post("/api/chat/speech")
        .then()
        .statusCode(200)
        .contentType("audio/mpeg")
        .extract()
        .asByteArray();
    bob.request()
        .queryParam("text", "Hello Bob")
        .post("/api/chat/speech")
        .then()
        .statusCode(200);

    assertThat(audio).isEqualTo(MP3);
    alice
        .request()
        .queryParam("text", "Streamed.")
        .post("/api/chat/speech")
        .then()
        .statusCode(200)
        .header("Transfer-Encoding", "chunked")
        .header("Content-Length", org.hamcrest.Matchers.nullValue());
    vendor.verify(postRequestedFor(urlEqualTo("/v1/audio/speech"))
        .withRequestBody(matchingJsonPath(
            "$.voice", com.github.tomakehurst.wiremock.client.WireMock.equalTo("nova")))
        .withRequestBody(matchingJsonPath(
            "$.input",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("Tea is ready. See notes."))));
    vendor.verify(postRequestedFor(urlEqualTo("/v1/audio/speech"))
        .withRequestBody(matchingJsonPath(
            "$.voice", com.github.tomakehurst.wiremock.client.WireMock.equalTo("alloy")))
        .withRequestBody(matchingJsonPath(
            "$.input", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Hello Bob"))));
  }

  @Test
  void settingsListTheVoicesAndTheCallersChoice() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    alice.request().queryParam("id", "nova").post("/api/model/voice").then().statusCode(202);

    alice
        .request()
        .queryParam("detailed", "true")
        .get("/api/settings")
        .then()
        .statusCode(200)
        .body("voice_model_options.id", equalTo(List.of("alloy", "nova")))
        .body("voice_model_options.name", equalTo(List.of("Alloy", "Nova")))
        .body("selected_voice_model_config", equalTo("nova"))
        .body("is_eleven_labs_enabled", equalTo(true));
    bob.request()
        .queryParam("detailed", "true")
        .get("/api/settings")
        .then()
        .body("selected_voice_model_config", equalTo("alloy"));
  }

  @Test
  void badSpeechRequestsAndUnknownVoices() {
    TestUser alice = TestUsers.create();

    alice
        .request()
        .post("/api/chat/speech")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("text"));
    alice
        .request()
        .queryParam("text", "```\nonly code\n```")
        .post("/api/chat/speech")
        .then()
        .statusCode(422)
        .body("detail", containsString("no text"));
    alice
        .request()
        .queryParam("text", "word ".repeat(5000))
        .post("/api/chat/speech")
        .then()
        .statusCode(422)
        .body("detail", containsString("too long"));
    alice
        .request()
        .queryParam("id", "someone")
        .post("/api/model/voice")
        .then()
        .statusCode(404)
        .body("status", equalTo("error"))
        .body("message", equalTo("Voice model not found"));
    alice.request().post("/api/model/voice").then().statusCode(422);

    vendor.verify(0, postRequestedFor(urlEqualTo("/v1/audio/speech")));
  }

  static final String LIMIT_REFUSAL =
      "I'm glad you're enjoying interacting with me! You've unfortunately exceeded"
          + " your usage limit for today. But let's chat more tomorrow?";

  @Test
  void theThirdTranscriptionOrReadAloudInAMinuteIs429WithKhojsWordsAndReachesNoServer() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    transcribe(alice, WEBM, "audio/webm").then().statusCode(200);
    transcribe(alice, WEBM, "audio/webm").then().statusCode(200);
    transcribe(alice, WEBM, "audio/webm")
        .then()
        .statusCode(429)
        .contentType("application/json")
        .body("detail", equalTo(LIMIT_REFUSAL));
    vendor.verify(2, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
    transcribe(bob, WEBM, "audio/webm").then().statusCode(200);

    alice.request().queryParam("text", "One.").post("/api/chat/speech").then().statusCode(200);
    alice.request().queryParam("text", "Two.").post("/api/chat/speech").then().statusCode(200);
    alice
        .request()
        .queryParam("text", "Three.")
        .post("/api/chat/speech")
        .then()
        .statusCode(429)
        .body("detail", equalTo(LIMIT_REFUSAL));
    vendor.verify(2, postRequestedFor(urlEqualTo("/v1/audio/speech")));
  }

  /** A PCM WAV whose header says it plays {@code seconds} at 8 kHz, 8-bit mono; only the header is sent. */
  static byte[] wavHeader(int seconds) {
    int data = seconds * 8000;
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(44 + 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
    b.put("fmt ".getBytes())
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(8000)
        .putInt(8000)
        .putShort((short) 1)
        .putShort((short) 8);
    b.put("data".getBytes()).putInt(data);
    return b.array();
  }

  @Test
  void aRecordingLongerThanTheDurationLimitIs422AndReachesNoServer() {
    TestUser alice = TestUsers.create();

    transcribe(alice, wavHeader(601), "audio/wav")
        .then()
        .statusCode(422)
        .contentType("application/json")
        .body("detail", equalTo("Audio longer than the 10 minutes limit (601 seconds sent)."));
    vendor.verify(0, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
    transcribe(alice, wavHeader(600), "audio/wav").then().statusCode(200);
  }

  @Test
  void voiceRoutesNeedAUser() {
    given()
        .multiPart("file", "r.webm", WEBM, "audio/webm")
        .post("/api/transcribe")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    given().queryParam("text", "hi").post("/api/chat/speech").then().statusCode(403);
    given().queryParam("id", "nova").post("/api/model/voice").then().statusCode(403);
    vendor.verify(0, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
  }
}
