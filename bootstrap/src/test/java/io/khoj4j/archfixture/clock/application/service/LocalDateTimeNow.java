package io.khoj4j.archfixture.clock.application.service;

import java.time.LocalDateTime;

/** Violation: the core calls LocalDateTime.now(). */
public class LocalDateTimeNow {
  LocalDateTime read() {
    return LocalDateTime.now();
  }
}
