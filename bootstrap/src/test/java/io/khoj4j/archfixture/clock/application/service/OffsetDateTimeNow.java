package io.khoj4j.archfixture.clock.application.service;

import java.time.OffsetDateTime;

/** Violation: the core calls OffsetDateTime.now(). */
public class OffsetDateTimeNow {
  OffsetDateTime read() {
    return OffsetDateTime.now();
  }
}
