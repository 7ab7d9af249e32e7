package io.khoj4j.application.port.out.connector;

import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryConnectorRepositoryTest extends ConnectorRepositoryContract {

  private final InMemoryConnectorRepository repository = new InMemoryConnectorRepository();

  @Override
  protected ConnectorRepository repository() {
    return repository;
  }

  @Override
  protected ConnectorHold hold() {
    return repository;
  }

  @Override
  protected UserId newOwner() {
    return new UserId(UUID.randomUUID());
  }
}
