package io.khoj4j.application.port.in.model;

import io.khoj4j.domain.image.ImageModel;
import java.util.List;

/** The configured text-to-image models, oldest first: never a key, only whether one is set. */
public interface ListImageModelsUseCase {

  record Listed(ImageModel model, boolean hasApiKey) {}

  List<Listed> list(ListImageModelsQuery query);
}
