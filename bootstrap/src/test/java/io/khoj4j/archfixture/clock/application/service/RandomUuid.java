package io.khoj4j.archfixture.clock.application.service;

import java.util.UUID;

/** Violation: the core calls UUID.randomUUID(). */
public class RandomUuid {
  UUID read() {
    return UUID.randomUUID();
  }
}
