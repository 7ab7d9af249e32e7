package io.khoj4j.application.port.in.voice;

/** Read-aloud: text to speech in the user's chosen voice. */
public interface SpeakTextUseCase {

  /**
   * The speech, its first piece already answered by the provider (so its failures come before any audio).
   *
   * @throws VoiceNotConfiguredException when no speech provider is configured
   * @throws io.khoj4j.application.error.InvalidInputException for text with nothing to say or too long
   * @throws io.khoj4j.application.error.QuotaExceededException over the user's limit
   */
  SpokenAudio speak(SpeakTextCommand command);
}
