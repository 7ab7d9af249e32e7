package io.khoj4j.application.service.voice;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.usage.AdmitUsageUseCase;
import io.khoj4j.application.port.in.voice.SpeakTextCommand;
import io.khoj4j.application.port.in.voice.SpeakTextUseCase;
import io.khoj4j.application.port.in.voice.SpokenAudio;
import io.khoj4j.application.port.in.voice.VoiceNotConfiguredException;
import io.khoj4j.application.port.out.voice.SpeechStream;
import io.khoj4j.application.port.out.voice.TextToSpeech;
import io.khoj4j.application.port.out.voice.VoiceChoiceRepository;
import io.khoj4j.domain.voice.Voice;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Read-aloud. The Markdown answer becomes plain words, is checked against the length limit, counted against the
 * user's limits, and read in the user's voice (or the default one, also when their choice is no longer configured).
 * The first piece is asked for before this returns, so a provider that fails or refuses does so before any audio is
 * sent; the audio then flows to the client as the provider sends it. A text longer than the provider takes in one call
 * is read in pieces cut between sentences, one after the other: MP3 frames follow each other, so the pieces play as
 * one recording. Nothing is stored.
 */
public final class SpeakTextService implements SpeakTextUseCase {

  private final TextToSpeech textToSpeech;
  private final VoiceChoiceRepository choices;
  private final AdmitUsageUseCase usage;
  private final VoiceLimits limits;

  public SpeakTextService(
      TextToSpeech textToSpeech,
      VoiceChoiceRepository choices,
      AdmitUsageUseCase usage,
      VoiceLimits limits) {
    this.textToSpeech = textToSpeech;
    this.choices = choices;
    this.usage = usage;
    this.limits = limits;
  }

  @Override
  public SpokenAudio speak(SpeakTextCommand command) {
    if (!textToSpeech.available()) {
      throw new VoiceNotConfiguredException("Text-to-speech is not configured on this server.");
    }
    // Markdown's marks may double a text's length, no more than that: a longer one is refused
    // before it is read
    if (command.text().length() > 2L * limits.maxSpeechCharacters()) {
      throw new InvalidInputException("The text is too long to read aloud: at most "
          + limits.maxSpeechCharacters() + " characters.");
    }
    String words = SpeechText.plain(command.text());
    if (words.isBlank()) {
      throw new InvalidInputException("There is no text to read aloud.");
    }
    if (words.length() > limits.maxSpeechCharacters()) {
      throw new InvalidInputException("The text is too long to read aloud: at most "
          + limits.maxSpeechCharacters() + " characters.");
    }
    usage.admit(new AdmitUsageCommand.Speech(command.userId()));
    Voice voice = voiceOf(textToSpeech.voices(), choices.find(command.userId()).orElse(null));
    List<String> pieces = SpeechText.pieces(words, textToSpeech.maxCharacters());
    return new Pieces(
        textToSpeech,
        voice,
        textToSpeech.speak(pieces.getFirst(), voice),
        pieces.subList(1, pieces.size()));
  }

  /** The chosen voice if it is still configured, else the default (the first). */
  static Voice voiceOf(List<Voice> voices, String chosen) {
    return voices.stream().filter(v -> v.id().equals(chosen)).findFirst().orElse(voices.getFirst());
  }

  /** The first piece's answer in hand, the rest asked for as the previous one has been written. */
  private static final class Pieces implements SpokenAudio {

    private final TextToSpeech textToSpeech;
    private final Voice voice;
    private final SpeechStream first;
    private final List<String> rest;

    Pieces(TextToSpeech textToSpeech, Voice voice, SpeechStream first, List<String> rest) {
      this.textToSpeech = textToSpeech;
      this.voice = voice;
      this.first = first;
      this.rest = rest;
    }

    @Override
    public String mediaType() {
      return first.mediaType();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      try (SpeechStream piece = first) {
        copy(piece, out);
      }
      for (String text : rest) {
        try (SpeechStream piece = textToSpeech.speak(text, voice)) {
          copy(piece, out);
        }
      }
    }

    private static void copy(SpeechStream piece, OutputStream out) throws IOException {
      byte[] buffer = new byte[8192];
      for (int n = piece.audio().read(buffer); n >= 0; n = piece.audio().read(buffer)) {
        out.write(buffer, 0, n);
        out.flush(); // each chunk goes to the client as it came
      }
    }

    @Override
    public void close() {
      try {
        first.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
