package io.khoj4j.application.port.out.auth;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryExternalIdentityRepositoryTest extends ExternalIdentityRepositoryContract {

  private final InMemoryExternalIdentityRepository repository =
      new InMemoryExternalIdentityRepository();

  @Override
  protected ExternalIdentityRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return new DirectUnitOfWork();
  }

  @Override
  protected UserId newOwner() {
    return new UserId(UUID.randomUUID());
  }
}
