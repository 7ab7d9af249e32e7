package io.khoj4j.application.port.in.memory;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.memory.Memory;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** The caller's corrected text for one of their memories. */
public record ReplaceMemoryCommand(UserId userId, long memoryId, String raw) {

  public ReplaceMemoryCommand {
    Objects.requireNonNull(userId, "userId");
    raw = raw == null ? "" : raw.strip();
    if (raw.length() > Memory.MAX_RAW) {
      throw new InvalidInputException(
          "A memory may have at most " + Memory.MAX_RAW + " characters.");
    }
  }
}
