package io.khoj4j.application.service.model;

import io.khoj4j.application.port.in.model.ListImageModelsQuery;
import io.khoj4j.application.port.in.model.ListImageModelsUseCase;
import io.khoj4j.application.port.out.model.ImageModelRepository;
import java.util.List;

/** The configured text-to-image models with whether each has a key (never the key). */
public final class ListImageModelsService implements ListImageModelsUseCase {

  private final ImageModelRepository repository;

  public ListImageModelsService(ImageModelRepository repository) {
    this.repository = repository;
  }

  @Override
  public List<Listed> list(ListImageModelsQuery query) {
    return repository.all().stream()
        .map(s -> new Listed(s.model(), s.key().isPresent()))
        .toList();
  }
}
