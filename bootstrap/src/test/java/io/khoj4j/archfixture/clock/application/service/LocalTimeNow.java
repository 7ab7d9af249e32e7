package io.khoj4j.archfixture.clock.application.service;

import java.time.LocalTime;

/** Violation: the core calls LocalTime.now(). */
public class LocalTimeNow {
  LocalTime read() {
    return LocalTime.now();
  }
}
