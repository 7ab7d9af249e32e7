package io.khoj4j.archfixture.clock.application.service;

/** Violation: the core calls System.currentTimeMillis(). */
public class CurrentTimeMillis {
  long read() {
    return System.currentTimeMillis();
  }
}
