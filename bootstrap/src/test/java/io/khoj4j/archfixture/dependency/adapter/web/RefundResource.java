package io.khoj4j.archfixture.dependency.adapter.web;

import io.khoj4j.archfixture.dependency.bootstrap.Wiring;

/** Violation: an adapter knows the wiring. */
public class RefundResource {
  Wiring wiring;
}
