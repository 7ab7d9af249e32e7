package io.khoj4j.application.port.in.model;

/** A user picks the model that answers them. */
public interface SelectChatModelUseCase {

  /** @throws io.khoj4j.application.error.NotFoundException when no such model exists */
  void select(SelectChatModelCommand command);
}
