package io.khoj4j.archfixture.clock.application.service;

import java.time.Instant;

/** Violation: the core calls Instant.now(). */
public class InstantNow {
  Instant read() {
    return Instant.now();
  }
}
