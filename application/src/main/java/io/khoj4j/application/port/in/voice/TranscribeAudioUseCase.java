package io.khoj4j.application.port.in.voice;

/** Voice input: speech to text through the configured transcription server. */
public interface TranscribeAudioUseCase {

  /**
   * The words spoken.
   *
   * @throws VoiceNotConfiguredException when no transcription server is configured
   * @throws io.khoj4j.application.error.InvalidInputException for an empty, over-large or non-audio clip
   * @throws io.khoj4j.application.error.QuotaExceededException over the user's limit
   */
  String transcribe(TranscribeAudioCommand command);
}
