package io.khoj4j.application.port.out.voice;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryVoiceChoiceRepositoryTest extends VoiceChoiceRepositoryContract {

  private final InMemoryVoiceChoiceRepository repository = new InMemoryVoiceChoiceRepository();

  @Override
  protected VoiceChoiceRepository repository() {
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
