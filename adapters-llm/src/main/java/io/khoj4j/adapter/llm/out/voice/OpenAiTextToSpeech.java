package io.khoj4j.adapter.llm.out.voice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khoj4j.application.port.out.voice.SpeechStream;
import io.khoj4j.application.port.out.voice.TextToSpeech;
import io.khoj4j.domain.voice.Voice;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * Any OpenAI-compatible speech server (OpenAI, Kokoro-FastAPI, Speaches, LocalAI): {@code POST {base}/audio/speech}
 * JSON {@code {"model","input","voice","response_format":"mp3"}} → MP3, streamed. OpenAI takes at most 4096 characters.
 */
public final class OpenAiTextToSpeech implements TextToSpeech {

  static final int MAX_CHARACTERS = 4096;

  private final VoiceHttp http;
  private final URI endpoint;
  private final String apiKey;
  private final String model;
  private final List<Voice> voices;

  public OpenAiTextToSpeech(
      URI baseUrl, String apiKey, String model, List<Voice> voices, Duration timeout) {
    if (voices.isEmpty()) {
      throw new IllegalArgumentException("text-to-speech needs at least one voice");
    }
    this.http = new VoiceHttp("text-to-speech", timeout);
    this.endpoint = URI.create(OpenAiSpeechToText.stripSlash(baseUrl.toString()) + "/audio/speech");
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
    body.put("model", model);
    body.put("input", text);
    body.put("voice", voice.id());
    body.put("response_format", "mp3");
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json")
        .header("Accept", "audio/mpeg")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return Audio.of(http, http.stream(request));
  }
}
