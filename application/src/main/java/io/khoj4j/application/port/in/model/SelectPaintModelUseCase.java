package io.khoj4j.application.port.in.model;

/** Stores a user's choice of image model. */
public interface SelectPaintModelUseCase {

  /** @throws io.khoj4j.application.error.NotFoundException when no offered model has the id */
  void select(SelectPaintModelCommand command);
}
