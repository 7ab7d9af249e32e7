package io.khoj4j.bootstrap;

import io.khoj4j.adapter.connector.out.audio.ContainerAudioDuration;
import io.khoj4j.application.port.in.usage.AdmitUsageUseCase;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.voice.AudioDuration;
import io.khoj4j.application.port.out.voice.SpeechToText;
import io.khoj4j.application.port.out.voice.TextToSpeech;
import io.khoj4j.application.port.out.voice.VoiceChoiceRepository;
import io.khoj4j.application.service.voice.QueryVoiceSettingsService;
import io.khoj4j.application.service.voice.SelectVoiceService;
import io.khoj4j.application.service.voice.SpeakTextService;
import io.khoj4j.application.service.voice.TranscribeAudioService;
import io.khoj4j.application.service.voice.VoiceLimits;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Voice: transcription, read-aloud, the voice choice and what settings show (providers: adapters-llm). */
@ApplicationScoped
public class VoiceProducers {

  /**
   * {@code khoj.voice.*}: what one request may carry. How often a user may transcribe or have text read aloud is a
   * usage limit ({@code khoj.limits.*}).
   */
  @ConfigMapping(prefix = "khoj.voice")
  public interface VoiceLimitSettings {
    @WithDefault("10M")
    MemorySize maxAudioSize();

    /** The longest recording, when its container says how long it is. */
    @WithDefault("10m")
    Duration maxAudioDuration();

    @WithDefault("20000")
    int maxSpeechCharacters();
  }

  @Produces
  @Singleton
  VoiceLimits voiceLimits(VoiceLimitSettings s) {
    return new VoiceLimits(
        s.maxAudioSize().asLongValue(), s.maxAudioDuration(), s.maxSpeechCharacters());
  }

  /** Recording lengths from their containers (adapters-connectors, next to the other Tika readers). */
  @Produces
  @Singleton
  AudioDuration audioDuration() {
    return new ContainerAudioDuration();
  }

  @Produces
  @Singleton
  TranscribeAudioService transcribeAudio(
      SpeechToText speechToText,
      AudioDuration durations,
      AdmitUsageUseCase usage,
      VoiceLimits limits) {
    return new TranscribeAudioService(speechToText, durations, usage, limits);
  }

  @Produces
  @Singleton
  SpeakTextService speakText(
      TextToSpeech textToSpeech,
      VoiceChoiceRepository choices,
      AdmitUsageUseCase usage,
      VoiceLimits limits) {
    return new SpeakTextService(textToSpeech, choices, usage, limits);
  }

  @Produces
  @Singleton
  SelectVoiceService selectVoice(
      TextToSpeech textToSpeech,
      VoiceChoiceRepository choices,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new SelectVoiceService(textToSpeech, choices, unitOfWork, clock);
  }

  @Produces
  @Singleton
  QueryVoiceSettingsService voiceSettings(
      SpeechToText speechToText, TextToSpeech textToSpeech, VoiceChoiceRepository choices) {
    return new QueryVoiceSettingsService(speechToText, textToSpeech, choices);
  }
}
