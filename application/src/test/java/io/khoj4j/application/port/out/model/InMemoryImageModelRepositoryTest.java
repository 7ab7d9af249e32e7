package io.khoj4j.application.port.out.model;

import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryImageModelRepositoryTest extends ImageModelRepositoryContract {

  private final InMemoryImageModelRepository repository = new InMemoryImageModelRepository();

  @Override
  protected ImageModelRepository repository() {
    return repository;
  }

  @Override
  protected void clear() {
    repository.clear();
  }

  @Override
  protected UserId newUser() {
    return new UserId(UUID.randomUUID());
  }
}
