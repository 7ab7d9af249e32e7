package io.khoj4j.adapter.persistence.out.automation;

import io.khoj4j.adapter.persistence.out.conversation.PgConversationRepository;
import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.AutomationRepositoryContract;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@QuarkusTest
class PgAutomationRepositoryIT extends AutomationRepositoryContract {

  @Inject
  PgAutomationRepository repository;

  @Inject
  PgConversationRepository conversations;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Override
  protected AutomationRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  protected UserId newOwner() {
    String email = "automation-" + UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()),
            email,
            email,
            "",
            "",
            false,
            false,
            Instant.parse("2026-03-01T09:00:00Z")))
        .id();
  }

  @Override
  protected UUID newConversation(UserId owner) {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    unitOfWork.run(() -> conversations.createIfAbsent(
        new Conversation(id, owner, "Automation", null, null, List.of(), at, at)));
    return id;
  }
}
