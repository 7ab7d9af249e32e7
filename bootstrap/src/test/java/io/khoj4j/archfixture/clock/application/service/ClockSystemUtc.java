package io.khoj4j.archfixture.clock.application.service;

import java.time.Clock;

/** Violation: the core calls Clock.systemUTC(). */
public class ClockSystemUtc {
  Clock read() {
    return Clock.systemUTC();
  }
}
