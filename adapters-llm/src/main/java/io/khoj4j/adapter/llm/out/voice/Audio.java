package io.khoj4j.adapter.llm.out.voice;

import io.khoj4j.domain.voice.SpeechAudio;
import java.net.http.HttpResponse;
import java.util.Locale;

/** A speech provider's 2xx answer must be audio: not empty, not JSON or text (an error wrapped in a 200). */
final class Audio {

  private Audio() {}

  static SpeechAudio of(VoiceHttp http, HttpResponse<byte[]> response) {
    String type = response.headers().firstValue("Content-Type").orElse("audio/mpeg").split(";", 2)[0].strip()
        .toLowerCase(Locale.ROOT);
    if (response.body().length == 0) {
      throw http.malformed("is empty", null);
    }
    if (type.startsWith("application/json") || type.startsWith("text/")) {
      throw http.malformed("is " + type + ", not audio", null);
    }
    return new SpeechAudio(response.body(), type.startsWith("audio/") ? type : "audio/mpeg");
  }
}
