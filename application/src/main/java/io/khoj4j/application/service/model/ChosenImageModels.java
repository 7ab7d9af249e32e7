package io.khoj4j.application.service.model;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.model.ListPaintModelsUseCase;
import io.khoj4j.application.port.out.model.ImageModelRepository;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.ImageGenerators;
import io.khoj4j.application.service.chat.tool.ImageChoice;
import io.khoj4j.domain.user.UserId;
import java.util.Optional;

/**
 * Paints with the image model the user chose among those administrators configured (the first when they chose
 * none), or, while there are none, with the model from the server's settings. A key this server cannot open (sealed
 * under another server key) is a failed painting, not a failed turn.
 */
public final class ChosenImageModels implements ImageChoice {

  private final ImageModelRepository repository;
  private final ListPaintModelsUseCase offered;
  private final SecretBox secrets;
  private final ImageGenerators generators;
  private final ImageGenerator fromSettings;

  public ChosenImageModels(
      ImageModelRepository repository,
      ListPaintModelsUseCase offered,
      SecretBox secrets,
      ImageGenerators generators,
      ImageGenerator fromSettings) {
    this.repository = repository;
    this.offered = offered;
    this.secrets = secrets;
    this.generators = generators;
    this.fromSettings = fromSettings;
  }

  @Override
  public boolean available() {
    return !repository.all().isEmpty() || fromSettings.available();
  }

  @Override
  public ImageGenerator forUser(UserId user) {
    Optional<ImageModelRepository.Stored> chosen =
        offered.selectedBy(user).flatMap(repository::byId);
    if (chosen.isEmpty()) {
      return fromSettings;
    }
    Optional<String> key;
    try {
      key = chosen.get().key().map(secrets::open);
    } catch (IllegalStateException unreadable) {
      throw new UpstreamFailureException(
          "the image model's key was sealed with another server key", false, unreadable);
    }
    return generators.forModel(chosen.get().model(), key);
  }
}
