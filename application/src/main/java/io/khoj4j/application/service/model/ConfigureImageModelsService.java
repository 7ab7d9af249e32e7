package io.khoj4j.application.service.model;

import io.khoj4j.application.error.ConflictException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.model.ConfigureImageModelsCommand;
import io.khoj4j.application.port.in.model.ConfigureImageModelsUseCase;
import io.khoj4j.application.port.out.model.ImageModelRepository;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.image.ImageModel;
import java.util.Optional;

/**
 * Administrators manage the text-to-image models, as Khoj's text-to-image model settings: unique model names, a key
 * sealed by the {@link SecretBox} before it is stored and never shown again.
 */
public final class ConfigureImageModelsService implements ConfigureImageModelsUseCase {

  private final ImageModelRepository repository;
  private final SecretBox secrets;
  private final UnitOfWork unitOfWork;

  public ConfigureImageModelsService(
      ImageModelRepository repository, SecretBox secrets, UnitOfWork unitOfWork) {
    this.repository = repository;
    this.secrets = secrets;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public long configure(ConfigureImageModelsCommand command) {
    return unitOfWork.inTransaction(() -> switch (command) {
      case ConfigureImageModelsCommand.Save save -> save(save);
      case ConfigureImageModelsCommand.Delete delete -> {
        if (!repository.delete(delete.id())) {
          throw new NotFoundException("Image model not found");
        }
        yield delete.id();
      }
    });
  }

  private long save(ConfigureImageModelsCommand.Save save) {
    if (save.id() != 0 && repository.byId(save.id()).isEmpty()) {
      throw new NotFoundException("Image model not found");
    }
    ImageModel model;
    try {
      model = new ImageModel(
          save.id(), save.name(), save.friendlyName(), save.kind(), save.apiUrl(), save.tier());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    repository.byName(model.name()).filter(other -> other.id() != save.id()).ifPresent(other -> {
      throw new ConflictException("An image model named " + model.name() + " already exists");
    });
    Optional<SealedSecret> key = save.apiKey().map(secrets::seal);
    return repository.save(model, key).id();
  }
}
