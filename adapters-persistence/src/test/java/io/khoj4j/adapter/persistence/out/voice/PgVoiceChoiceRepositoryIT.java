package io.khoj4j.adapter.persistence.out.voice;

import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.voice.VoiceChoiceRepository;
import io.khoj4j.application.port.out.voice.VoiceChoiceRepositoryContract;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

@QuarkusTest
class PgVoiceChoiceRepositoryIT extends VoiceChoiceRepositoryContract {

  @Inject
  PgVoiceChoiceRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Override
  protected VoiceChoiceRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  protected UserId newOwner() {
    String email = "voice-" + UUID.randomUUID() + "@example.org";
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
}
