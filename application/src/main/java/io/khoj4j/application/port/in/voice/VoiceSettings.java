package io.khoj4j.application.port.in.voice;

import io.khoj4j.domain.voice.Voice;
import java.util.List;
import java.util.Optional;

/**
 * The voice features on offer: the voices to pick from (empty when read-aloud is off), the user's current voice
 * (their choice, else the default), and whether voice input works.
 */
public record VoiceSettings(List<Voice> voices, Optional<Voice> selected, boolean transcription) {

  public VoiceSettings {
    voices = List.copyOf(voices);
  }

  public boolean speech() {
    return !voices.isEmpty();
  }
}
