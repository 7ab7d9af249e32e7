package io.khoj4j.application.port.out.feedback;

import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryFeedbackRepositoryTest extends FeedbackRepositoryContract {

  private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();

  @Override
  protected FeedbackRepository repository() {
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
