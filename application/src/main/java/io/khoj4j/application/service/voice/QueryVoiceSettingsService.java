package io.khoj4j.application.service.voice;

import io.khoj4j.application.port.in.voice.QueryVoiceSettingsUseCase;
import io.khoj4j.application.port.in.voice.VoiceSettings;
import io.khoj4j.application.port.in.voice.VoiceSettingsQuery;
import io.khoj4j.application.port.out.voice.SpeechToText;
import io.khoj4j.application.port.out.voice.TextToSpeech;
import io.khoj4j.application.port.out.voice.VoiceChoiceRepository;
import io.khoj4j.domain.voice.Voice;
import java.util.List;
import java.util.Optional;

/** The voices on offer and the user's current one, for the settings page. */
public final class QueryVoiceSettingsService implements QueryVoiceSettingsUseCase {

  private final SpeechToText speechToText;
  private final TextToSpeech textToSpeech;
  private final VoiceChoiceRepository choices;

  public QueryVoiceSettingsService(
      SpeechToText speechToText, TextToSpeech textToSpeech, VoiceChoiceRepository choices) {
    this.speechToText = speechToText;
    this.textToSpeech = textToSpeech;
    this.choices = choices;
  }

  @Override
  public VoiceSettings settings(VoiceSettingsQuery query) {
    List<Voice> voices = textToSpeech.available() ? textToSpeech.voices() : List.of();
    Optional<Voice> selected = voices.isEmpty()
        ? Optional.empty()
        : Optional.of(
            SpeakTextService.voiceOf(voices, choices.find(query.userId()).orElse(null)));
    return new VoiceSettings(voices, selected, speechToText.available());
  }
}
