package io.khoj4j.adapter.llm.out.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.voice.SpeechStream;
import io.khoj4j.application.port.out.voice.TextToSpeech;
import io.khoj4j.domain.voice.Voice;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenAI-compatible {@code /audio/speech} and ElevenLabs {@code /v1/text-to-speech/{voice}} on their wire formats. */
class TextToSpeechProvidersTest {

  private static final byte[] MP3 = {(byte) 0xff, (byte) 0xfb, (byte) 0x90, 0x64, 0, 0, 0, 0};
  private static final Voice NOVA = new Voice("nova", "Nova");
  private static final Voice RACHEL = new Voice("21m00Tcm4TlvDq8ikWAM", "Rachel");
  private static final String OPENAI_PATH = "/v1/audio/speech";
  private static final String ELEVEN_PATH = "/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM/stream";

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

  private TextToSpeech openAi(Duration timeout) {
    return new OpenAiTextToSpeech(
        URI.create(server.baseUrl() + "/v1"), "sk-test", "tts-1", List.of(NOVA), timeout);
  }

  private TextToSpeech elevenLabs(Duration timeout) {
    return new ElevenLabsTextToSpeech(
        URI.create(server.baseUrl()), "xi-key", "eleven_multilingual_v2", List.of(RACHEL), timeout);
  }

  private static ResponseDefinitionBuilder mp3() {
    return aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBody(MP3);
  }

  private static byte[] bytes(SpeechStream audio) {
    try (audio) {
      return audio.audio().readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private UpstreamFailureException failure(TextToSpeech tts, Voice voice) {
    return (UpstreamFailureException) catchThrowable(() -> tts.speak("Hello there.", voice));
  }

  @Test
  void openAiSendsModelInputVoiceAndGetsMp3() {
    server.stubFor(post(OPENAI_PATH).willReturn(mp3()));

    SpeechStream audio = openAi(Duration.ofSeconds(5)).speak("Hello there.", NOVA);

    assertThat(bytes(audio)).isEqualTo(MP3);
    assertThat(audio.mediaType()).isEqualTo("audio/mpeg");
    server.verify(
        postRequestedFor(urlEqualTo(OPENAI_PATH))
            .withHeader("Authorization", equalTo("Bearer sk-test"))
            .withRequestBody(
                equalToJson(
                    "{\"model\":\"tts-1\",\"input\":\"Hello there.\",\"voice\":\"nova\",\"response_format\":\"mp3\"}")));
  }

  @Test
  void elevenLabsSendsTextAndModelWithItsKeyHeader() {
    server.stubFor(post(urlPathEqualTo(ELEVEN_PATH)).willReturn(mp3()));

    SpeechStream audio = elevenLabs(Duration.ofSeconds(5)).speak("Hello there.", RACHEL);

    assertThat(bytes(audio)).isEqualTo(MP3);
    server.verify(postRequestedFor(urlEqualTo(ELEVEN_PATH + "?output_format=mp3_44100_128"))
        .withHeader("xi-api-key", equalTo("xi-key"))
        .withHeader("Accept", equalTo("audio/mpeg"))
        .withRequestBody(
            equalToJson("{\"text\":\"Hello there.\",\"model_id\":\"eleven_multilingual_v2\"}")));
  }

  @Test
  void refusalsAreNotRetryable() {
    server.stubFor(post(OPENAI_PATH)
        .willReturn(
            aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"Input too long\"}}")));
    server.stubFor(post(urlPathEqualTo(ELEVEN_PATH))
        .willReturn(aResponse()
            .withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}")));

    assertThat(failure(openAi(Duration.ofSeconds(5)), NOVA).retryable()).isFalse();
    UpstreamFailureException eleven = failure(elevenLabs(Duration.ofSeconds(5)), RACHEL);
    assertThat(eleven.retryable()).isFalse();
    assertThat(eleven).hasMessageContaining("HTTP 401").hasMessageNotContaining("Invalid API key");
  }

  @Test
  void rateLimitsServerErrorsTimeOutsAndResetsAreTemporary() {
    server.stubFor(post(OPENAI_PATH).willReturn(aResponse().withStatus(429)));
    server.stubFor(
        post(urlPathEqualTo(ELEVEN_PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody(
                        "{\"detail\":{\"status\":\"too_many_concurrent_requests\",\"message\":\"busy\"}}")));
    assertThat(failure(openAi(Duration.ofSeconds(5)), NOVA).retryable()).isTrue();
    assertThat(failure(elevenLabs(Duration.ofSeconds(5)), RACHEL).retryable()).isTrue();

    server.stubFor(post(OPENAI_PATH).willReturn(aResponse().withStatus(500)));
    assertThat(failure(openAi(Duration.ofSeconds(5)), NOVA).retryable()).isTrue();

    server.stubFor(post(urlPathEqualTo(ELEVEN_PATH)).willReturn(mp3().withFixedDelay(3000)));
    assertThat(failure(elevenLabs(Duration.ofMillis(200)), RACHEL))
        .hasMessageContaining("in time")
        .satisfies(e -> assertThat(e.retryable()).isTrue());

    server.stubFor(post(OPENAI_PATH).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThat(failure(openAi(Duration.ofSeconds(5)), NOVA).retryable()).isTrue();
  }

  @Test
  void aSuccessThatIsNotAudioIsMalformed() {
    server.stubFor(post(OPENAI_PATH)
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"quota\"}")));
    server.stubFor(post(urlPathEqualTo(ELEVEN_PATH))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg")));

    assertThat(failure(openAi(Duration.ofSeconds(5)), NOVA))
        .hasMessageContaining("not audio")
        .satisfies(e -> assertThat(e.retryable()).isFalse());
    assertThat(failure(elevenLabs(Duration.ofSeconds(5)), RACHEL)).hasMessageContaining("empty");
  }

  /**
   * The audio is handed on as it arrives: a local server sends its first chunk and then waits until the test has read
   * it. Were the answer read whole first, {@code speak} would never return and the latch would not be counted down.
   */
  @Test
  void theFirstBytesAreReadableBeforeTheProviderHasSentTheRest() throws Exception {
    java.util.concurrent.CountDownLatch firstRead = new java.util.concurrent.CountDownLatch(1);
    com.sun.net.httpserver.HttpServer slow =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    slow.createContext("/v1/audio/speech", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
      exchange.sendResponseHeaders(200, 0); // chunked
      try (java.io.OutputStream out = exchange.getResponseBody()) {
        out.write(MP3, 0, 4);
        out.flush();
        if (firstRead.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
          out.write(MP3, 4, MP3.length - 4);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    slow.start();
    try {
      TextToSpeech tts = new OpenAiTextToSpeech(
          URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/v1"),
          "",
          "tts-1",
          List.of(NOVA),
          Duration.ofSeconds(30));
      java.util.concurrent.Future<SpeechStream> answered =
          java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()
              .submit(() -> tts.speak("Hello there.", NOVA));
      SpeechStream audio = answered.get(30, java.util.concurrent.TimeUnit.SECONDS);
      byte[] first = audio.audio().readNBytes(4);
      firstRead.countDown();

      assertThat(first).isEqualTo(java.util.Arrays.copyOf(MP3, 4));
      assertThat(bytes(audio)).isEqualTo(java.util.Arrays.copyOfRange(MP3, 4, MP3.length));
    } finally {
      firstRead.countDown();
      slow.stop(0);
    }
  }

  @Test
  void voicesAreParsedFromConfiguration() {
    assertThat(VoiceProducer.voices("alloy:Alloy, nova , 21m00:Rachel Green"))
        .containsExactly(
            new Voice("alloy", "Alloy"),
            new Voice("nova", "nova"),
            new Voice("21m00", "Rachel Green"));
  }
}
