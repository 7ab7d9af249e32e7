package io.khoj4j.application.port.out.voice;

import io.khoj4j.domain.voice.AudioClip;

/** Turns recorded speech into text (an OpenAI-compatible transcription server, such as a local Whisper). */
public interface SpeechToText {

  /** No transcription configured. */
  SpeechToText NONE = new SpeechToText() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public String transcribe(AudioClip clip) {
      throw new IllegalStateException("speech-to-text is not configured");
    }
  };

  boolean available();

  /**
   * The words spoken in the clip.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the server fails, refuses, times out or answers
   *     with something that is not a transcription
   */
  String transcribe(AudioClip clip);
}
