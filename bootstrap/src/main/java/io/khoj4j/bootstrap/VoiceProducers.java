package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.application.port.out.shared.UnitOfWork;
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

/** Voice: transcription, read-aloud, the voice choice and what settings show (providers: adapters-llm). */
@ApplicationScoped
public class VoiceProducers {

  /** {@code khoj.voice.*}: limits on audio in and speech out, per user (0 = no limit). */
  @ConfigMapping(prefix = "khoj.voice")
  public interface VoiceLimitSettings {
    @WithDefault("10M")
    MemorySize maxAudioSize();

    @WithDefault("20000")
    int maxSpeechCharacters();

    @WithDefault("20")
    int transcribePerMinute();

    @WithDefault("600")
    int transcribePerDay();

    @WithDefault("30")
    int speechPerMinute();

    @WithDefault("600")
    int speechPerDay();
  }

  @Produces
  @Singleton
  VoiceLimits voiceLimits(VoiceLimitSettings s) {
    return new VoiceLimits(s.maxAudioSize().asLongValue(), s.maxSpeechCharacters(), s.transcribePerMinute(),
        s.transcribePerDay(), s.speechPerMinute(), s.speechPerDay());
  }

  @Produces
  @Singleton
  TranscribeAudioService transcribeAudio(SpeechToText speechToText, RateLimiter limiter, VoiceLimits limits) {
    return new TranscribeAudioService(speechToText, limiter, limits);
  }

  @Produces
  @Singleton
  SpeakTextService speakText(TextToSpeech textToSpeech, VoiceChoiceRepository choices, RateLimiter limiter,
      VoiceLimits limits) {
    return new SpeakTextService(textToSpeech, choices, limiter, limits);
  }

  @Produces
  @Singleton
  SelectVoiceService selectVoice(TextToSpeech textToSpeech, VoiceChoiceRepository choices, UnitOfWork unitOfWork,
      Clock clock) {
    return new SelectVoiceService(textToSpeech, choices, unitOfWork, clock);
  }

  @Produces
  @Singleton
  QueryVoiceSettingsService voiceSettings(SpeechToText speechToText, TextToSpeech textToSpeech,
      VoiceChoiceRepository choices) {
    return new QueryVoiceSettingsService(speechToText, textToSpeech, choices);
  }
}
