package io.khoj4j.application.service.voice;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.usage.AdmitUsageUseCase;
import io.khoj4j.application.port.in.voice.TranscribeAudioCommand;
import io.khoj4j.application.port.in.voice.TranscribeAudioUseCase;
import io.khoj4j.application.port.in.voice.VoiceNotConfiguredException;
import io.khoj4j.application.port.out.voice.AudioDuration;
import io.khoj4j.application.port.out.voice.SpeechToText;
import io.khoj4j.domain.voice.AudioClip;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Voice input. The clip is checked before any provider is called (not empty, not over the size limit, audio by its
 * declared type, not longer than the duration limit when its container says how long it is), then counted against the
 * user's transcription limits, then transcribed. The audio is never stored.
 */
public final class TranscribeAudioService implements TranscribeAudioUseCase {

  private final SpeechToText speechToText;
  private final AudioDuration durations;
  private final AdmitUsageUseCase usage;
  private final VoiceLimits limits;

  public TranscribeAudioService(
      SpeechToText speechToText,
      AudioDuration durations,
      AdmitUsageUseCase usage,
      VoiceLimits limits) {
    this.speechToText = speechToText;
    this.durations = durations;
    this.usage = usage;
    this.limits = limits;
  }

  @Override
  public String transcribe(TranscribeAudioCommand command) {
    if (!speechToText.available()) {
      throw new VoiceNotConfiguredException("Speech-to-text is not configured on this server.");
    }
    AudioClip clip = command.clip();
    if (clip.size() == 0) {
      throw new InvalidInputException("The audio is empty.");
    }
    if (clip.size() > limits.maxAudioBytes()) {
      throw new InvalidInputException(
          TranscribeAudioUseCase.tooLarge(limits.maxAudioBytes(), clip.size()));
    }
    if (!isAudio(clip.mediaType())) {
      throw new InvalidInputException(
          "Not audio: " + clip.mediaType() + ". Send a recording such as audio/webm.");
    }
    Optional<Duration> length = durations.of(clip);
    if (length.isPresent() && length.get().compareTo(limits.maxAudioDuration()) > 0) {
      throw new InvalidInputException("Audio longer than the " + minutes(limits.maxAudioDuration())
          + " limit (" + length.get().toSeconds() + " seconds sent).");
    }
    usage.admit(new AdmitUsageCommand.Transcription(command.userId()));
    return speechToText.transcribe(clip).strip();
  }

  /** Browsers label MediaRecorder output {@code audio/webm} or {@code video/webm}; some clients send no type. */
  static boolean isAudio(String mediaType) {
    String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.isEmpty()
        || type.startsWith("audio/")
        || type.equals("application/octet-stream")
        || type.equals("video/webm")
        || type.equals("video/ogg")
        || type.equals("video/mp4");
  }

  private static String minutes(Duration d) {
    return d.toSecondsPart() == 0 && d.toMinutes() > 0
        ? d.toMinutes() + " minute" + (d.toMinutes() == 1 ? "" : "s")
        : d.toSeconds() + " seconds";
  }

  @Override
  public long maxAudioBytes() {
    return limits.maxAudioBytes();
  }
}
