package io.khoj4j.adapter.llm.out.voice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khoj4j.application.port.out.voice.SpeechStream;
import io.khoj4j.application.port.out.voice.TextToSpeech;
import io.khoj4j.domain.voice.Voice;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * ElevenLabs' streaming route (as Khoj):
 * {@code POST {base}/v1/text-to-speech/{voice_id}/stream?output_format=mp3_44100_128}, header
 * {@code xi-api-key}, JSON {@code {"text","model_id"}} → MP3, streamed. Errors come as {@code {"detail": ...}}.
 */
public final class ElevenLabsTextToSpeech implements TextToSpeech {

  /** ElevenLabs' smallest per-request limit among its current models (Multilingual v2: 10,000). */
  static final int MAX_CHARACTERS = 5000;

  private final VoiceHttp http;
  private final String base;
  private final String apiKey;
  private final String model;
  private final List<Voice> voices;

  public ElevenLabsTextToSpeech(
      URI baseUrl, String apiKey, String model, List<Voice> voices, Duration timeout) {
    if (voices.isEmpty()) {
      throw new IllegalArgumentException("text-to-speech needs at least one voice");
    }
    this.http = new VoiceHttp("ElevenLabs", timeout);
    this.base = OpenAiSpeechToText.stripSlash(baseUrl.toString());
    this.apiKey = apiKey;
    this.model = model;
    this.voices = List.copyOf(voices);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public List<Voice> voices() {
    return voices;
  }

  @Override
  public int maxCharacters() {
    return MAX_CHARACTERS;
  }

  @Override
  public SpeechStream speak(String text, Voice voice) {
    ObjectNode body = VoiceHttp.JSON.createObjectNode();
    body.put("text", text);
    body.put("model_id", model);
    URI endpoint = URI.create(
        base + "/v1/text-to-speech/" + URLEncoder.encode(voice.id(), StandardCharsets.UTF_8)
            + "/stream?output_format=mp3_44100_128");
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json")
        .header("Accept", "audio/mpeg")
        .header("xi-api-key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    return Audio.of(http, http.stream(request));
  }
}
