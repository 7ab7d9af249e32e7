package io.khoj4j.application.port.out.shared;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Fake: ids 00000000-0000-0000-0000-000000000001, ...2, ... so tests can name them. */
public final class SequentialIdGenerator implements IdGenerator {

  private final AtomicLong next = new AtomicLong();

  @Override
  public UUID newId() {
    return new UUID(0, next.incrementAndGet());
  }
}
