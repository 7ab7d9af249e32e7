package io.khoj4j.archfixture.clock.application.service;

import java.time.Instant;
import java.util.UUID;

/** Violation: the core reads the clock and makes ids. */
public class ExpiryService {
  Instant expiry() {
    return Instant.now();
  }

  UUID id() {
    return UUID.randomUUID();
  }
}
