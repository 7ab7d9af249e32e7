package io.khoj4j.archfixture.clock.application.service;

import java.time.Clock;

/** Violation: the core calls Clock.systemDefaultZone(). */
public class ClockSystemDefaultZone {
  Clock read() {
    return Clock.systemDefaultZone();
  }
}
