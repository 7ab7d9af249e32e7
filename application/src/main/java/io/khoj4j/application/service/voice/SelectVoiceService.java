package io.khoj4j.application.service.voice;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.voice.SelectVoiceCommand;
import io.khoj4j.application.port.in.voice.SelectVoiceUseCase;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.voice.TextToSpeech;
import io.khoj4j.application.port.out.voice.VoiceChoiceRepository;
import java.time.Clock;

/** Stores the user's read-aloud voice; only a configured voice may be picked (Khoj: "Voice model not found"). */
public final class SelectVoiceService implements SelectVoiceUseCase {

  private final TextToSpeech textToSpeech;
  private final VoiceChoiceRepository choices;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public SelectVoiceService(
      TextToSpeech textToSpeech,
      VoiceChoiceRepository choices,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.textToSpeech = textToSpeech;
    this.choices = choices;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public void select(SelectVoiceCommand command) {
    String id = command.voiceId().strip();
    if (textToSpeech.voices().stream().noneMatch(v -> v.id().equals(id))) {
      throw new NotFoundException("Voice model not found");
    }
    unitOfWork.run(() -> choices.save(command.userId(), id, clock.instant()));
  }
}
