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

  /** The largest clip {@link #transcribe} accepts, in bytes: an adapter refuses a larger upload before reading it. */
  long maxAudioBytes();

  /** Why a clip of {@code size} bytes is refused: over {@code max}, Khoj's words. */
  static String tooLarge(long max, long size) {
    String limit = max % (1024 * 1024) == 0
        ? Long.toString(max / (1024 * 1024))
        : String.format(java.util.Locale.ROOT, "%.1f", max / (1024.0 * 1024));
    return "Audio size larger than " + limit + "Mb limit (" + size + " bytes sent).";
  }
}
