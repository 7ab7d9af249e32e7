package io.khoj4j.archfixture.clock.application.service;

import java.time.LocalDate;

/** Violation: the core calls LocalDate.now(). */
public class LocalDateNow {
  LocalDate read() {
    return LocalDate.now();
  }
}
