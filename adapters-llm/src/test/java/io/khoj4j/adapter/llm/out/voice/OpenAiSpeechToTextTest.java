package io.khoj4j.adapter.llm.out.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.domain.voice.AudioClip;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/audio/transcriptions} as OpenAI and local Whisper servers speak it. */
class OpenAiSpeechToTextTest {

  private WireMockServer server;
  private final byte[] audio = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, 1, 2, 3};

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private OpenAiSpeechToText stt(Duration timeout) {
    return new OpenAiSpeechToText(
        URI.create(server.baseUrl() + "/v1/"), "sk-test", "whisper-1", timeout);
  }

  private String transcribe() {
    return stt(Duration.ofSeconds(5))
        .transcribe(new AudioClip("recording.webm", "audio/webm", audio));
  }

  private UpstreamFailureException failure() {
    return (UpstreamFailureException)
        org.assertj.core.api.Assertions.catchThrowable(this::transcribe);
  }

  @Test
  void sendsTheClipAsMultipartAndReadsTheText() {
    server.stubFor(post("/v1/audio/transcriptions")
        .willReturn(okJson("{\"text\":\"Remind me to buy tea.\"}")));

    assertThat(transcribe()).isEqualTo("Remind me to buy tea.");
    server.verify(postRequestedFor(urlEqualTo("/v1/audio/transcriptions"))
        .withHeader("Authorization", equalTo("Bearer sk-test"))
        .withRequestBodyPart(aMultipart("model").withBody(equalTo("whisper-1")).build())
        .withRequestBodyPart(
            aMultipart("response_format").withBody(equalTo("json")).build())
        .withRequestBodyPart(aMultipart("file")
            .withHeader("Content-Type", equalTo("audio/webm"))
            .withHeader(
                "Content-Disposition",
                equalTo("form-data; name=\"file\"; filename=\"recording.webm\""))
            .withBody(binaryEqualTo(audio))
            .build()));
  }

  @Test
  void aRejectedKeyIsARefusal() {
    server.stubFor(
        post("/v1/audio/transcriptions")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}")));

    assertThat(failure().retryable()).isFalse();
    assertThat(failure())
        .hasMessageContaining("HTTP 401")
        .hasMessageNotContaining("Incorrect API key");
  }

  @Test
  void anUnsupportedFormatIsARefusal() {
    server.stubFor(post("/v1/audio/transcriptions")
        .willReturn(aResponse()
            .withStatus(400)
            .withBody("{\"error\":{\"message\":\"Invalid file format.\"}}")));

    assertThat(failure().retryable()).isFalse();
  }

  @Test
  void rateLimitingAndServerErrorsAreTemporary() {
    server.stubFor(post("/v1/audio/transcriptions")
        .willReturn(aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "20")
            .withBody("{\"error\":{\"message\":\"Rate limit reached\"}}")));
    assertThat(failure().retryable()).isTrue();
    assertThat(failure()).hasMessageContaining("429");

    server.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(503)));
    assertThat(failure().retryable()).isTrue();
  }

  @Test
  void aServerThatDoesNotAnswerInTimeIsTemporary() {
    server.stubFor(post("/v1/audio/transcriptions")
        .willReturn(okJson("{\"text\":\"late\"}").withFixedDelay(3000)));

    assertThatThrownBy(() ->
            stt(Duration.ofMillis(200)).transcribe(new AudioClip("a.webm", "audio/webm", audio)))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("in time");
  }

  @Test
  void aDroppedConnectionIsTemporary() {
    server.stubFor(post("/v1/audio/transcriptions")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThat(failure().retryable()).isTrue();
  }

  @Test
  void anAnswerWithoutTextIsMalformed() {
    server.stubFor(post("/v1/audio/transcriptions").willReturn(okJson("{\"transcript\":\"x\"}")));
    assertThat(failure().retryable()).isFalse();
    assertThat(failure()).hasMessageContaining("no text");

    server.stubFor(post("/v1/audio/transcriptions")
        .willReturn(aResponse().withStatus(200).withBody("<html>proxy")));
    assertThat(failure()).hasMessageContaining("not JSON");
  }
}
