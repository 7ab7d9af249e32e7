package io.khoj4j.application.port.out.conversation;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryConversationRepositoryTest extends ConversationRepositoryContract {

  private final InMemoryConversationRepository repository = new InMemoryConversationRepository();

  @Override
  protected ConversationRepository repository() {
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
