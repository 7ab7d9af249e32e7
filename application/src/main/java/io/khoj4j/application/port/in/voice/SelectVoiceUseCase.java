package io.khoj4j.application.port.in.voice;

/** Picks the user's read-aloud voice among the configured ones. */
public interface SelectVoiceUseCase {

  /** @throws io.khoj4j.application.error.NotFoundException when no configured voice has that id */
  void select(SelectVoiceCommand command);
}
