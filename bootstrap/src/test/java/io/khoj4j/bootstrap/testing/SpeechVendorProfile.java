package io.khoj4j.bootstrap.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Speech-to-text and text-to-speech at an OpenAI-compatible server on a loopback port ({@link #PORT}; each test class
 * starts its own stand-in there), with usage limits on (every user premium without billing) at two transcriptions and
 * two read-alouds a minute. The voice routes' tests and the chat page's voice test share it: each test profile costs
 * the suite a build and a start of the application.
 */
public class SpeechVendorProfile implements QuarkusTestProfile {

  /** Where the stand-in for the speech vendor listens. */
  public static final int PORT = freePort();

  @Override
  public Map<String, String> getConfigOverrides() {
    String base = "http://127.0.0.1:" + PORT + "/v1";
    return Map.of(
        "khoj.speech-to-text.base-url", base,
        "khoj.speech-to-text.api-key", "sk-stt",
        "khoj.text-to-speech.provider", "openai",
        "khoj.text-to-speech.base-url", base,
        "khoj.text-to-speech.voices", "alloy:Alloy,nova:Nova",
        "khoj.voice.max-audio-duration", "10m",
        "khoj.limits.enabled", "true",
        "khoj.limits.premium.transcriptions-per-minute", "2",
        "khoj.limits.premium.speech-per-minute", "2");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
