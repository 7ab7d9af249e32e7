package io.khoj4j.archfixture.dependency.domain;

import io.khoj4j.archfixture.dependency.bootstrap.Wiring;

/** Violation: the domain knows the wiring. */
public class Refund {
  Wiring wiring;
}
