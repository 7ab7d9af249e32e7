package io.khoj4j.application.port.out.voice;

import io.khoj4j.domain.voice.Voice;
import java.util.List;

/** Reads text aloud with one of the provider's configured voices (OpenAI-compatible speech, ElevenLabs). */
public interface TextToSpeech {

  /** No speech configured. */
  TextToSpeech NONE = new TextToSpeech() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public List<Voice> voices() {
      return List.of();
    }

    @Override
    public int maxCharacters() {
      return 1;
    }

    @Override
    public SpeechStream speak(String text, Voice voice) {
      throw new IllegalStateException("text-to-speech is not configured");
    }
  };

  boolean available();

  /** The voices users may pick, the default first; never empty when {@link #available()}. */
  List<Voice> voices();

  /** The longest text one call accepts; longer texts are read in pieces. */
  int maxCharacters();

  /**
   * Speech of {@code text} (at most {@link #maxCharacters()}) in {@code voice}, returned as soon as the provider
   * answered, its audio read as it arrives.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the provider fails, refuses, times out or
   *     answers with something that is not audio
   */
  SpeechStream speak(String text, Voice voice);
}
