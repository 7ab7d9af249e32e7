package io.khoj4j.application.service.voice;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.voice.TranscribeAudioCommand;
import io.khoj4j.application.port.in.voice.TranscribeAudioUseCase;
import io.khoj4j.application.port.in.voice.VoiceNotConfiguredException;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.application.port.out.voice.SpeechToText;
import io.khoj4j.domain.voice.AudioClip;
import java.util.Locale;

/**
 * Voice input. The clip is checked before any provider is called (not empty, not over the size limit, audio by its
 * declared type), then counted against the user's limits, then transcribed. The audio is never stored. The size limit
 * also bounds the duration: 10 MiB of the web client's Opus-in-WebM is well over ten minutes of speech.
 */
public final class TranscribeAudioService implements TranscribeAudioUseCase {

  private final SpeechToText speechToText;
  private final RateLimiter limiter;
  private final VoiceLimits limits;

  public TranscribeAudioService(SpeechToText speechToText, RateLimiter limiter, VoiceLimits limits) {
    this.speechToText = speechToText;
    this.limiter = limiter;
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
      throw new InvalidInputException("Audio size larger than " + megabytes(limits.maxAudioBytes()) + "Mb limit ("
          + clip.size() + " bytes sent).");
    }
    if (!isAudio(clip.mediaType())) {
      throw new InvalidInputException("Not audio: " + clip.mediaType() + ". Send a recording such as audio/webm.");
    }
    VoiceLimits.take(limiter, "transcribe", limits.transcribePerMinute(), limits.transcribePerDay(), command.userId());
    return speechToText.transcribe(clip).strip();
  }

  /** Browsers label MediaRecorder output {@code audio/webm} or {@code video/webm}; some clients send no type. */
  static boolean isAudio(String mediaType) {
    String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.isEmpty() || type.startsWith("audio/") || type.equals("application/octet-stream")
        || type.equals("video/webm") || type.equals("video/ogg") || type.equals("video/mp4");
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? Long.toString(bytes / (1024 * 1024)) : String.format(Locale.ROOT, "%.1f",
        bytes / (1024.0 * 1024));
  }
}
