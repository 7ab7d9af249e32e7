package io.khoj4j.application.port.out.ratelimit;

import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryIndexSpaceTest extends IndexSpaceContract {

  private final InMemoryIndexSpace space = new InMemoryIndexSpace(
      new InMemoryEntryRepository(), MutableClock.at("2026-03-01T10:00:00Z"));

  @Override
  protected IndexSpace space() {
    return space;
  }

  @Override
  protected UserId newUser() {
    return new UserId(UUID.randomUUID());
  }
}
