package io.khoj4j.application.port.out.voice;

import io.khoj4j.domain.voice.Voice;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** "Speaks" by returning {@code [voice:text]} as bytes, and remembers each call. */
public final class FakeTextToSpeech implements TextToSpeech {

  public record Call(String text, Voice voice) {}

  public final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Voice> voices;
  private final int maxCharacters;

  public FakeTextToSpeech(int maxCharacters, Voice... voices) {
    this.voices = List.of(voices);
    this.maxCharacters = maxCharacters;
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
    return maxCharacters;
  }

  @Override
  public SpeechStream speak(String text, Voice voice) {
    if (text.length() > maxCharacters) {
      throw new IllegalArgumentException("over the provider's limit: " + text.length());
    }
    calls.add(new Call(text, voice));
    return new SpeechStream(
        "audio/mpeg",
        new ByteArrayInputStream(
            ("[" + voice.id() + ":" + text + "]").getBytes(StandardCharsets.UTF_8)));
  }
}
