package io.khoj4j.domain.memory;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** A fact about a user, noted from their conversations (Khoj's UserMemory); {@code id} is Khoj's integer id. */
public record Memory(long id, UserId owner, String raw, Instant createdAt) {

  /** Longest fact kept, in characters. */
  public static final int MAX_RAW = 2000;

  public Memory {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
