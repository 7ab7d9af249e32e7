package io.khoj4j.adapter.llm.out.voice;

import io.khoj4j.application.port.out.voice.SpeechToText;
import io.khoj4j.application.port.out.voice.TextToSpeech;
import io.khoj4j.domain.voice.Voice;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The voice providers from configuration. Speech-to-text is on when {@code khoj.speech-to-text.base-url} is set.
 * Text-to-speech follows {@code khoj.text-to-speech.provider}: {@code openai} (needs a base URL), {@code elevenlabs}
 * (needs a key; Khoj's {@code ELEVEN_LABS_API_KEY} alone turns it on), or {@code none}.
 */
@ApplicationScoped
public class VoiceProducer {

  private static final Logger LOG = Logger.getLogger(VoiceProducer.class);

  /** OpenAI's built-in voices. */
  static final String OPENAI_VOICES =
      "alloy:Alloy,ash:Ash,coral:Coral,echo:Echo,fable:Fable,nova:Nova,onyx:Onyx,"
          + "sage:Sage,shimmer:Shimmer";
  /** Khoj's default ElevenLabs voice id. */
  static final String ELEVENLABS_VOICES = "RPEIZnKMqlQiZyZd1Dae:Default";

  /** {@code khoj.speech-to-text.*}: an OpenAI-compatible {@code /audio/transcriptions} server. */
  @ConfigMapping(prefix = "khoj.speech-to-text")
  public interface SpeechToTextSettings {
    Optional<String> baseUrl();

    Optional<String> apiKey();

    @WithDefault("whisper-1")
    String model();

    @WithDefault("PT60S")
    Duration timeout();
  }

  /** {@code khoj.text-to-speech.*}: the read-aloud provider. */
  @ConfigMapping(prefix = "khoj.text-to-speech")
  public interface TextToSpeechSettings {
    /** {@code openai}, {@code elevenlabs} or {@code none}; unset: chosen from the URL and key. */
    Optional<String> provider();

    Optional<String> baseUrl();

    Optional<String> apiKey();

    Optional<String> model();

    /** {@code id:Name,id2:Name 2}; the first is the default. */
    Optional<String> voices();

    @WithDefault("PT60S")
    Duration timeout();
  }

  private final Optional<String> sttUrl;
  private final Optional<String> sttKey;
  private final String sttModel;
  private final Duration sttTimeout;
  private final Optional<String> ttsProvider;
  private final Optional<String> ttsUrl;
  private final Optional<String> ttsKey;
  private final Optional<String> ttsModel;
  private final Optional<String> ttsVoices;
  private final Duration ttsTimeout;

  public VoiceProducer(SpeechToTextSettings stt, TextToSpeechSettings tts) {
    this.sttUrl = stt.baseUrl().filter(s -> !s.isBlank());
    this.sttKey = stt.apiKey();
    this.sttModel = stt.model();
    this.sttTimeout = stt.timeout();
    this.ttsProvider = tts.provider().filter(s -> !s.isBlank());
    this.ttsUrl = tts.baseUrl().filter(s -> !s.isBlank());
    this.ttsKey = tts.apiKey().filter(s -> !s.isBlank());
    this.ttsModel = tts.model().filter(s -> !s.isBlank());
    this.ttsVoices = tts.voices().filter(s -> !s.isBlank());
    this.ttsTimeout = tts.timeout();
  }

  @Produces
  @Singleton
  SpeechToText speechToText() {
    if (sttUrl.isEmpty()) {
      LOG.info(
          "No speech-to-text configured (khoj.speech-to-text.base-url): voice input answers 501");
      return SpeechToText.NONE;
    }
    LOG.infof("Speech-to-text through %s (%s)", sttUrl.get(), sttModel);
    return new OpenAiSpeechToText(
        URI.create(sttUrl.get()), sttKey.orElse(null), sttModel, sttTimeout);
  }

  @Produces
  @Singleton
  TextToSpeech textToSpeech() {
    String provider = ttsProvider
        .orElse(
            ttsKey.isPresent() && ttsUrl.isEmpty()
                ? "elevenlabs"
                : ttsUrl.isPresent() ? "openai" : "none")
        .toLowerCase(Locale.ROOT);
    switch (provider) {
      case "openai" -> {
        if (ttsUrl.isEmpty()) {
          throw new IllegalStateException(
              "khoj.text-to-speech.provider=openai needs khoj.text-to-speech.base-url");
        }
        LOG.infof("Text-to-speech through %s", ttsUrl.get());
        return new OpenAiTextToSpeech(
            URI.create(ttsUrl.get()),
            ttsKey.orElse(null),
            ttsModel.orElse("tts-1"),
            voices(ttsVoices.orElse(OPENAI_VOICES)),
            ttsTimeout);
      }
      case "elevenlabs" -> {
        if (ttsKey.isEmpty()) {
          throw new IllegalStateException(
              "khoj.text-to-speech.provider=elevenlabs needs khoj.text-to-speech.api-key"
                  + " (or ELEVEN_LABS_API_KEY)");
        }
        LOG.info("Text-to-speech through ElevenLabs");
        return new ElevenLabsTextToSpeech(
            URI.create(ttsUrl.orElse("https://api.elevenlabs.io")),
            ttsKey.get(),
            ttsModel.orElse("eleven_multilingual_v2"),
            voices(ttsVoices.orElse(ELEVENLABS_VOICES)),
            ttsTimeout);
      }
      case "none" -> {
        LOG.info(
            "No text-to-speech configured (khoj.text-to-speech.provider): read-aloud answers 503");
        return TextToSpeech.NONE;
      }
      default ->
        throw new IllegalStateException(
            "khoj.text-to-speech.provider must be openai, elevenlabs or none, not " + provider);
    }
  }

  /** {@code id:Name,id2:Name 2} (the name is optional) → voices, in order; the first is the default. */
  static List<Voice> voices(String spec) {
    List<Voice> voices = new ArrayList<>();
    for (String item : spec.split(",")) {
      String s = item.strip();
      if (s.isEmpty()) {
        continue;
      }
      int colon = s.indexOf(':');
      voices.add(
          colon < 0
              ? new Voice(s, s)
              : new Voice(s.substring(0, colon).strip(), s.substring(colon + 1).strip()));
    }
    if (voices.isEmpty()) {
      throw new IllegalStateException("khoj.text-to-speech.voices names no voice");
    }
    return voices;
  }
}
