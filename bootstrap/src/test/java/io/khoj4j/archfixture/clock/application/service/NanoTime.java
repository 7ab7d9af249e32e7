package io.khoj4j.archfixture.clock.application.service;

/** Violation: the core calls System.nanoTime(). */
public class NanoTime {
  long read() {
    return System.nanoTime();
  }
}
