package io.khoj4j.archfixture.clock.domain;

import java.time.Instant;

/** Violation: the model reads the clock itself. */
public record Deadline(Instant at) {
  static Deadline inAnHour() {
    return new Deadline(Instant.now().plusSeconds(3600));
  }
}
