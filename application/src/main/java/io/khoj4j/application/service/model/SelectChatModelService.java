package io.khoj4j.application.service.model;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.model.SelectChatModelCommand;
import io.khoj4j.application.port.in.model.SelectChatModelUseCase;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;

/**
 * A user picks the chat model that answers them.
 */
public final class SelectChatModelService implements SelectChatModelUseCase {

  private final ChatModelRepository repository;
  private final UnitOfWork unitOfWork;

  public SelectChatModelService(ChatModelRepository repository, UnitOfWork unitOfWork) {
    this.repository = repository;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public void select(SelectChatModelCommand command) {
    if (repository.model(command.modelId()).isEmpty()) {
      throw new NotFoundException("Chat model not found");
    }
    unitOfWork.run(() -> repository.setUserChoice(command.user(), command.modelId()));
  }
}
