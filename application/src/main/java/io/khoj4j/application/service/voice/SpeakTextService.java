package io.khoj4j.application.service.voice;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.voice.SpeakTextCommand;
import io.khoj4j.application.port.in.voice.SpeakTextUseCase;
import io.khoj4j.application.port.in.voice.VoiceNotConfiguredException;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.application.port.out.voice.TextToSpeech;
import io.khoj4j.application.port.out.voice.VoiceChoiceRepository;
import io.khoj4j.domain.voice.SpeechAudio;
import io.khoj4j.domain.voice.Voice;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Read-aloud. The Markdown answer becomes plain words, is checked against the length limit, counted against the
 * user's limits, and read in the user's voice (or the default one, also when their choice is no longer configured).
 * A text longer than the provider takes in one call is read in pieces cut between sentences and joined: MP3 frames
 * follow each other, so the pieces play as one recording. Nothing is stored.
 */
public final class SpeakTextService implements SpeakTextUseCase {

  private final TextToSpeech textToSpeech;
  private final VoiceChoiceRepository choices;
  private final RateLimiter limiter;
  private final VoiceLimits limits;

  public SpeakTextService(TextToSpeech textToSpeech, VoiceChoiceRepository choices, RateLimiter limiter,
      VoiceLimits limits) {
    this.textToSpeech = textToSpeech;
    this.choices = choices;
    this.limiter = limiter;
    this.limits = limits;
  }

  @Override
  public SpeechAudio speak(SpeakTextCommand command) {
    if (!textToSpeech.available()) {
      throw new VoiceNotConfiguredException("Text-to-speech is not configured on this server.");
    }
    String words = SpeechText.plain(command.text());
    if (words.isBlank()) {
      throw new InvalidInputException("There is no text to read aloud.");
    }
    if (words.length() > limits.maxSpeechCharacters()) {
      throw new InvalidInputException("The text is too long to read aloud: at most " + limits.maxSpeechCharacters()
          + " characters.");
    }
    VoiceLimits.take(limiter, "speech", limits.speechPerMinute(), limits.speechPerDay(), command.userId());
    Voice voice = voiceOf(textToSpeech.voices(), choices.find(command.userId()).orElse(null));
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    String mediaType = null;
    for (String piece : SpeechText.pieces(words, textToSpeech.maxCharacters())) {
      SpeechAudio part = textToSpeech.speak(piece, voice);
      mediaType = mediaType == null ? part.mediaType() : mediaType;
      audio.writeBytes(part.bytes());
    }
    return new SpeechAudio(audio.toByteArray(), mediaType);
  }

  /** The chosen voice if it is still configured, else the default (the first). */
  static Voice voiceOf(List<Voice> voices, String chosen) {
    return voices.stream().filter(v -> v.id().equals(chosen)).findFirst().orElse(voices.getFirst());
  }
}
