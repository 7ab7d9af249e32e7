package io.khoj4j.adapter.llm.out.voice;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.application.port.out.voice.SpeechToText;
import io.khoj4j.domain.voice.AudioClip;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Any OpenAI-compatible transcription server (OpenAI, faster-whisper-server/Speaches, LocalAI, whisper.cpp's server,
 * vLLM): {@code POST {base}/audio/transcriptions}, multipart {@code file}, {@code model}, {@code response_format=json}
 * → {@code {"text": "..."}}. Khoj calls the translations route (always English); transcription keeps the speaker's
 * language, which is what a chat box wants, and more local servers offer it.
 */
public final class OpenAiSpeechToText implements SpeechToText {

  private final VoiceHttp http;
  private final URI endpoint;
  private final String apiKey;
  private final String model;

  public OpenAiSpeechToText(URI baseUrl, String apiKey, String model, Duration timeout) {
    this.http = new VoiceHttp("speech-to-text", timeout);
    this.endpoint = URI.create(stripSlash(baseUrl.toString()) + "/audio/transcriptions");
    this.apiKey = apiKey;
    this.model = model;
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public String transcribe(AudioClip clip) {
    String boundary = "khoj4j-" + UUID.randomUUID();
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, clip)));
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    JsonNode text = http.json(http.send(request)).get("text");
    if (text == null || !text.isTextual()) {
      throw http.malformed("has no text", null);
    }
    return text.asText();
  }

  private byte[] multipart(String boundary, AudioClip clip) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(clip.bytes().length + 512);
    field(body, boundary, "model", model);
    field(body, boundary, "response_format", "json");
    String type = clip.mediaType().isBlank() ? "application/octet-stream" : clip.mediaType();
    write(
        body,
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + clip.fileName().replaceAll("[\"\\r\\n\\\\]", "_") + "\"\r\nContent-Type: "
            + type.replaceAll("[\\r\\n]", "")
            + "\r\n\r\n");
    body.writeBytes(clip.bytes());
    write(body, "\r\n--" + boundary + "--\r\n");
    return body.toByteArray();
  }

  private static void field(
      ByteArrayOutputStream body, String boundary, String name, String value) {
    write(
        body,
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
            + value + "\r\n");
  }

  private static void write(ByteArrayOutputStream body, String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
