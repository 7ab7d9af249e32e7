package io.khoj4j.archfixture.dependency.application.service;

import io.khoj4j.archfixture.dependency.bootstrap.Wiring;

/** Violation: the application knows the wiring. */
public class RefundService {
  Wiring wiring;
}
