package io.khoj4j.adapter.persistence.out.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.conversation.ConversationRepositoryContract;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.Speaker;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PgConversationRepositoryIT extends ConversationRepositoryContract {

  @Inject
  PgConversationRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Override
  protected ConversationRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  protected UserId newOwner() {
    String email = "talker-" + UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()), email, email, "", "", false, false, Instant.now()))
        .id();
  }

  /**
   * A turn that counted the messages under the lock lands right after them: another turn's append waits for its
   * transaction, however long that takes.
   */
  @Test
  void anAppendWaitsForATransactionHoldingTheAppendLock() throws Exception {
    UserId alice = newOwner();
    Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    Conversation c =
        new Conversation(UUID.randomUUID(), alice, null, null, "khoj", java.util.List.of(), t0, t0);
    unitOfWork.run(() -> repository.createIfAbsent(c));
    java.util.concurrent.CountDownLatch counted = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch otherStarted = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> unitOfWork.run(() -> {
        assertThat(repository.lockForAppend(alice, c.id())).hasValue(0);
        counted.countDown();
        try {
          otherStarted.await();
          Thread.sleep(300); // time for the other turn's append to overtake, if it could
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        repository.appendMessages(alice, c.id(), turn("q1", "a1", "t1", t0), "q1", t0);
      }));
      counted.await();
      var second = pool.submit(() -> {
        otherStarted.countDown();
        unitOfWork.run(
            () -> repository.appendMessages(alice, c.id(), turn("q2", "a2", "t2", t0), "q2", t0));
      });
      first.get(60, java.util.concurrent.TimeUnit.SECONDS);
      second.get(60, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(repository.messages(alice, c.id()))
        .extracting(ChatMessage::message)
        .containsExactly("q1", "a1", "q2", "a2");
  }

  private static java.util.List<ChatMessage> turn(String q, String a, String turnId, Instant at) {
    return java.util.List.of(
        ChatMessage.fromUser(q, at, turnId, java.util.List.of(), java.util.List.of()),
        new ChatMessage(
            Speaker.KHOJ,
            a,
            at,
            turnId,
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            null,
            java.util.List.of(),
            java.util.List.of(),
            null));
  }
}
