package io.khoj4j.application.service.model;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.model.ListPaintModelsQuery;
import io.khoj4j.application.port.in.model.ListPaintModelsUseCase;
import io.khoj4j.application.port.in.model.SelectPaintModelCommand;
import io.khoj4j.application.port.in.model.SelectPaintModelUseCase;
import io.khoj4j.application.port.out.model.ImageModelRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;

/**
 * A user chooses among the offered image models. The model from the server's settings is the only one when no
 * administrator configured any, so choosing it stores nothing.
 */
public final class SelectPaintModelService implements SelectPaintModelUseCase {

  private final ImageModelRepository repository;
  private final ListPaintModelsUseCase offered;
  private final UnitOfWork unitOfWork;

  public SelectPaintModelService(
      ImageModelRepository repository, ListPaintModelsUseCase offered, UnitOfWork unitOfWork) {
    this.repository = repository;
    this.offered = offered;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public void select(SelectPaintModelCommand command) {
    if (offered.list(new ListPaintModelsQuery()).stream()
        .noneMatch(o -> o.id() == command.modelId())) {
      throw new NotFoundException("Image model not found");
    }
    if (repository.byId(command.modelId()).isPresent()) {
      unitOfWork.inTransaction(() -> {
        repository.choose(command.user(), command.modelId());
        return null;
      });
    }
  }
}
