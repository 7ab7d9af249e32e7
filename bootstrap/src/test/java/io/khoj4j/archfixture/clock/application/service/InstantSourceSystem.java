package io.khoj4j.archfixture.clock.application.service;

import java.time.InstantSource;

/** Violation: the core calls InstantSource.system(). */
public class InstantSourceSystem {
  InstantSource read() {
    return InstantSource.system();
  }
}
