package io.khoj4j.application.port.in.voice;

import io.khoj4j.domain.voice.SpeechAudio;

/** Read-aloud: text to speech in the user's chosen voice. */
public interface SpeakTextUseCase {

  /**
   * The speech.
   *
   * @throws VoiceNotConfiguredException when no speech provider is configured
   * @throws io.khoj4j.application.error.InvalidInputException for text with nothing to say or too long
   * @throws io.khoj4j.application.error.QuotaExceededException over the user's limit
   */
  SpeechAudio speak(SpeakTextCommand command);
}
