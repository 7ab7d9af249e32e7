package io.khoj4j.application.service.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.voice.SelectVoiceCommand;
import io.khoj4j.application.port.in.voice.SpeakTextCommand;
import io.khoj4j.application.port.in.voice.SpokenAudio;
import io.khoj4j.application.port.in.voice.TranscribeAudioCommand;
import io.khoj4j.application.port.in.voice.VoiceNotConfiguredException;
import io.khoj4j.application.port.in.voice.VoiceSettings;
import io.khoj4j.application.port.in.voice.VoiceSettingsQuery;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.voice.AudioDuration;
import io.khoj4j.application.port.out.voice.FakeSpeechToText;
import io.khoj4j.application.port.out.voice.FakeTextToSpeech;
import io.khoj4j.application.port.out.voice.InMemoryVoiceChoiceRepository;
import io.khoj4j.application.port.out.voice.SpeechToText;
import io.khoj4j.application.port.out.voice.TextToSpeech;
import io.khoj4j.domain.user.UserId;
import io.khoj4j.domain.voice.AudioClip;
import io.khoj4j.domain.voice.Voice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VoiceServicesTest {

  private static final Voice ALLOY = new Voice("alloy", "Alloy");
  private static final Voice NOVA = new Voice("nova", "Nova");

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  /** What was counted; refuses once {@code budget} is spent, as AdmitUsageService does with its message. */
  private final List<AdmitUsageCommand> counted = new ArrayList<>();

  private int budget = Integer.MAX_VALUE;
  private Optional<Duration> length = Optional.empty();
  private final InMemoryVoiceChoiceRepository choices = new InMemoryVoiceChoiceRepository();
  private final FakeSpeechToText stt = new FakeSpeechToText("  hello there \n");
  private final FakeTextToSpeech tts = new FakeTextToSpeech(40, ALLOY, NOVA);
  private final UserId alice = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());
  private final VoiceLimits limits = new VoiceLimits(1000, Duration.ofMinutes(2), 200);

  private void admit(AdmitUsageCommand command) {
    if (counted.size() >= budget) {
      throw new QuotaExceededException("You've unfortunately exceeded your usage limit for today.");
    }
    counted.add(command);
  }

  private TranscribeAudioService transcribe(SpeechToText s) {
    AudioDuration durations = clip -> length;
    return new TranscribeAudioService(s, durations, this::admit, limits);
  }

  private SpeakTextService speak(TextToSpeech t) {
    return new SpeakTextService(t, choices, this::admit, limits);
  }

  private static String played(SpokenAudio audio) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      audio.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static AudioClip clip(int bytes, String type) {
    return new AudioClip("rec.webm", type, new byte[bytes]);
  }

  @Test
  void aClipBecomesItsTrimmedText() {
    assertThat(transcribe(stt)
            .transcribe(new TranscribeAudioCommand(alice, clip(10, "audio/webm;codecs=opus"))))
        .isEqualTo("hello there");
    assertThat(stt.heard).singleElement().extracting(AudioClip::fileName).isEqualTo("rec.webm");
  }

  @Test
  void emptyOverLargeOrNonAudioClipsAreRefusedBeforeTheProvider() {
    assertThatThrownBy(() ->
            transcribe(stt).transcribe(new TranscribeAudioCommand(alice, clip(0, "audio/webm"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() ->
            transcribe(stt).transcribe(new TranscribeAudioCommand(alice, clip(1001, "audio/webm"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Audio size larger than");
    assertThatThrownBy(() ->
            transcribe(stt).transcribe(new TranscribeAudioCommand(alice, clip(5, "text/plain"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Not audio");
    assertThat(stt.heard).isEmpty();
    assertThat(transcribe(stt).transcribe(new TranscribeAudioCommand(alice, clip(5, "video/webm"))))
        .isNotBlank();
    assertThat(transcribe(stt).transcribe(new TranscribeAudioCommand(bob, clip(5, ""))))
        .isNotBlank();
  }

  @Test
  void transcriptionWithoutAProviderIsNotConfigured() {
    assertThatThrownBy(() -> transcribe(SpeechToText.NONE)
            .transcribe(new TranscribeAudioCommand(alice, clip(5, "audio/webm"))))
        .isInstanceOf(VoiceNotConfiguredException.class);
  }

  @Test
  void eachTranscriptionIsCountedAsTheUsersAndARefusalReachesNoProvider() {
    TranscribeAudioService service = transcribe(stt);
    service.transcribe(new TranscribeAudioCommand(alice, clip(5, "audio/webm")));
    assertThat(counted).containsExactly(new AdmitUsageCommand.Transcription(alice));

    budget = 1;
    assertThatThrownBy(
            () -> service.transcribe(new TranscribeAudioCommand(alice, clip(5, "audio/webm"))))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("usage limit");
    assertThat(stt.heard).hasSize(1);
  }

  @Test
  void aRecordingLongerThanTheLimitIsRefusedAndOneWithoutAKnownLengthIsNot() {
    length = Optional.of(Duration.ofSeconds(121));
    assertThatThrownBy(() ->
            transcribe(stt).transcribe(new TranscribeAudioCommand(alice, clip(5, "audio/wav"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Audio longer than the 2 minutes limit (121 seconds sent).");
    assertThat(stt.heard).isEmpty();
    assertThat(counted).as("a refused clip is not counted").isEmpty();

    length = Optional.of(Duration.ofSeconds(120));
    assertThat(transcribe(stt).transcribe(new TranscribeAudioCommand(alice, clip(5, "audio/wav"))))
        .isNotBlank();
    length = Optional.empty();
    assertThat(transcribe(stt).transcribe(new TranscribeAudioCommand(alice, clip(5, "audio/webm"))))
        .isNotBlank();
  }

  @Test
  void readAloudIsCountedAndARefusalReachesNoProvider() {
    speak(tts).speak(new SpeakTextCommand(alice, "Hello.")).close();
    assertThat(counted).containsExactly(new AdmitUsageCommand.Speech(alice));
    budget = 1;
    assertThatThrownBy(() -> speak(tts).speak(new SpeakTextCommand(alice, "Hello again.")))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(tts.calls).hasSize(1);
  }

  @Test
  void aTextOverTwiceTheLimitIsRefusedBeforeItsMarkdownIsReadOrItIsCounted() {
    // reads as two words, but is refused by its length before its Markdown is read (unclosed marks
    // in such a text were once read in time quadratic in its length)
    String hostile = "Hi ![](" + "u".repeat(2 * limits.maxSpeechCharacters()) + ")";
    assertThatThrownBy(() -> speak(tts).speak(new SpeakTextCommand(alice, hostile)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("too long");
    assertThat(counted).isEmpty();
    assertThat(tts.calls).isEmpty();

    // Markdown's marks count against the raw length only up to twice the limit
    String marked = "**a** ".repeat(30); // 180 characters, 60 of them read
    assertThat(played(speak(tts).speak(new SpeakTextCommand(alice, marked)))).contains("a a a");
  }

  @Test
  void unclosedMarksAreReadAsTheyAre() {
    assertThat(SpeechText.plain("*a *b [c](d **e ![f](g <h"))
        .isEqualTo("*a *b [c](d **e ![f](g <h");
    assertThat(SpeechText.plain("*one* and **two** and [three](https://x.org)"))
        .isEqualTo("one and two and three");
  }

  @Test
  void markdownIsReadAsWordsInTheUsersVoiceOrTheDefault() {
    new SelectVoiceService(tts, choices, new DirectUnitOfWork(), clock)
        .select(new SelectVoiceCommand(alice, "nova"));

    SpokenAudio audio =
        speak(tts).speak(new SpeakTextCommand(alice, "## Hi\n**Bold** [link](https://x.org) `x`"));
    played(speak(tts).speak(new SpeakTextCommand(bob, "Hello.")));

    assertThat(audio.mediaType()).isEqualTo("audio/mpeg");
    assertThat(played(audio)).isEqualTo("[nova:Hi Bold link x]");
    assertThat(tts.calls).extracting(FakeTextToSpeech.Call::voice).containsExactly(NOVA, ALLOY);
  }

  @Test
  void aLongTextIsReadInPiecesBetweenSentencesAndJoined() {
    String text = "First sentence is here. Second sentence follows it. Third one ends the text!";

    SpokenAudio audio = speak(tts).speak(new SpeakTextCommand(alice, text));
    assertThat(tts.calls)
        .as("only the first piece is asked for before the audio is written")
        .hasSize(1);
    String heard = played(audio);

    assertThat(tts.calls)
        .extracting(FakeTextToSpeech.Call::text)
        .containsExactly(
            "First sentence is here.", "Second sentence follows it.", "Third one ends the text!");
    assertThat(heard)
        .isEqualTo(
            "[alloy:First sentence is here.][alloy:Second sentence follows it.][alloy:Third one ends the text!]");
  }

  @Test
  void emptyOrOverlongTextIsInvalidAndNoProviderIsNotConfigured() {
    assertThatThrownBy(() -> speak(tts).speak(new SpeakTextCommand(alice, "```\ncode only\n```")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no text");
    assertThatThrownBy(() -> speak(tts).speak(new SpeakTextCommand(alice, "word ".repeat(100))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 200");
    assertThatThrownBy(() -> speak(TextToSpeech.NONE).speak(new SpeakTextCommand(alice, "hi")))
        .isInstanceOf(VoiceNotConfiguredException.class);
    assertThat(tts.calls).isEmpty();
  }

  @Test
  void onlyAConfiguredVoiceCanBePickedAndSettingsShowTheChoice() {
    SelectVoiceService select = new SelectVoiceService(tts, choices, new DirectUnitOfWork(), clock);
    assertThatThrownBy(() -> select.select(new SelectVoiceCommand(alice, "someone-elses")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Voice model not found");
    select.select(new SelectVoiceCommand(alice, "nova"));

    QueryVoiceSettingsService settings = new QueryVoiceSettingsService(stt, tts, choices);
    VoiceSettings mine = settings.settings(new VoiceSettingsQuery(alice));
    assertThat(mine.voices()).containsExactly(ALLOY, NOVA);
    assertThat(mine.selected()).contains(NOVA);
    assertThat(mine.transcription()).isTrue();
    assertThat(settings.settings(new VoiceSettingsQuery(bob)).selected()).contains(ALLOY);
    VoiceSettings off = new QueryVoiceSettingsService(SpeechToText.NONE, TextToSpeech.NONE, choices)
        .settings(new VoiceSettingsQuery(alice));
    assertThat(off.speech()).isFalse();
    assertThat(off.selected()).isEqualTo(Optional.empty());
    assertThat(off.transcription()).isFalse();
  }

  @Test
  void piecesNeverExceedTheLimitAndKeepEveryWord() {
    String text = "a".repeat(30) + " " + "b".repeat(30) + " word. Short.";

    assertThat(SpeechText.pieces(text, 40))
        .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(40))
        .containsExactly("a".repeat(30), "b".repeat(30) + " word.", "Short.");
    assertThat(SpeechText.pieces("x".repeat(90), 40))
        .containsExactly("x".repeat(40), "x".repeat(40), "x".repeat(10));
  }
}
