package io.khoj4j.application.port.in.model;

/** Administrators add, change and remove the text-to-image models users choose among. */
public interface ConfigureImageModelsUseCase {

  /**
   * @return the id of the model saved or deleted
   * @throws io.khoj4j.application.error.InvalidInputException when a value is invalid
   * @throws io.khoj4j.application.error.ConflictException when another model has the name
   * @throws io.khoj4j.application.error.NotFoundException when the model to change or delete does not exist
   */
  long configure(ConfigureImageModelsCommand command);
}
