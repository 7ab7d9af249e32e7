package io.khoj4j.adapter.llm.out.voice;

import io.khoj4j.application.port.out.voice.SpeechStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * A speech provider's 2xx answer must be audio: not JSON or text (an error wrapped in a 200), and not empty — its first
 * byte is awaited before the audio is handed on, the rest flows as it arrives.
 */
final class Audio {

  private Audio() {}

  static SpeechStream of(VoiceHttp http, HttpResponse<InputStream> response) {
    String type = response
        .headers()
        .firstValue("Content-Type")
        .orElse("audio/mpeg")
        .split(";", 2)[0]
        .strip()
        .toLowerCase(Locale.ROOT);
    PushbackInputStream body = new PushbackInputStream(response.body(), 1);
    try {
      if (type.startsWith("application/json") || type.startsWith("text/")) {
        body.close();
        throw http.malformed("is " + type + ", not audio", null);
      }
      int first = body.read();
      if (first < 0) {
        body.close();
        throw http.malformed("is empty", null);
      }
      body.unread(first);
    } catch (IOException e) {
      throw http.malformed("broke off", e);
    }
    return new SpeechStream(type.startsWith("audio/") ? type : "audio/mpeg", body);
  }
}
