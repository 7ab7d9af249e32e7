package io.khoj4j.application.service.model;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.model.ListPaintModelsQuery;
import io.khoj4j.application.port.in.model.ListPaintModelsUseCase;
import io.khoj4j.application.port.in.model.PaintModelOption;
import io.khoj4j.application.port.in.model.SelectPaintModelCommand;
import io.khoj4j.application.port.in.model.SelectPaintModelUseCase;
import io.khoj4j.application.port.out.model.ImageModelRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.domain.chat.ChatModel;

/**
 * A user chooses among the offered image models: a paid one only on the premium tier, when billing is on (Khoj's 403
 * "Subscribe to switch to this image model"). The model from the server's settings is the only one when no
 * administrator configured any, so choosing it stores nothing.
 */
public final class SelectPaintModelService implements SelectPaintModelUseCase {

  private final ImageModelRepository repository;
  private final ListPaintModelsUseCase offered;
  private final UnitOfWork unitOfWork;
  private final Tiers tiers;

  public SelectPaintModelService(
      ImageModelRepository repository,
      ListPaintModelsUseCase offered,
      UnitOfWork unitOfWork,
      Tiers tiers) {
    this.repository = repository;
    this.offered = offered;
    this.unitOfWork = unitOfWork;
    this.tiers = tiers;
  }

  @Override
  public void select(SelectPaintModelCommand command) {
    PaintModelOption option = offered.list(new ListPaintModelsQuery()).stream()
        .filter(o -> o.id() == command.modelId())
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Image model not found"));
    if (!tiers.mayUse(command.user(), ChatModel.PriceTier.of(option.tier()))) {
      throw new ForbiddenException("Subscribe to switch to this image model");
    }
    if (repository.byId(command.modelId()).isPresent()) {
      unitOfWork.inTransaction(() -> {
        repository.choose(command.user(), command.modelId());
        return null;
      });
    }
  }
}
