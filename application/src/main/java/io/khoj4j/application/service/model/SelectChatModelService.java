package io.khoj4j.application.service.model;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.model.SelectChatModelCommand;
import io.khoj4j.application.port.in.model.SelectChatModelUseCase;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.domain.chat.ChatModel;

/**
 * A user picks the chat model that answers them: a paid one only on the premium tier, when billing is on (Khoj's 403
 * "Subscribe to switch to this chat model").
 */
public final class SelectChatModelService implements SelectChatModelUseCase {

  private final ChatModelRepository repository;
  private final UnitOfWork unitOfWork;
  private final Tiers tiers;

  public SelectChatModelService(
      ChatModelRepository repository, UnitOfWork unitOfWork, Tiers tiers) {
    this.repository = repository;
    this.unitOfWork = unitOfWork;
    this.tiers = tiers;
  }

  @Override
  public void select(SelectChatModelCommand command) {
    ChatModel model = repository
        .model(command.modelId())
        .orElseThrow(() -> new NotFoundException("Chat model not found"));
    if (!tiers.mayUse(command.user(), model.priceTier())) {
      throw new ForbiddenException("Subscribe to switch to this chat model");
    }
    unitOfWork.run(() -> repository.setUserChoice(command.user(), command.modelId()));
  }
}
