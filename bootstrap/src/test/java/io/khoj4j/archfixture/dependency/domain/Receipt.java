package io.khoj4j.archfixture.dependency.domain;

import io.khoj4j.archfixture.dependency.application.service.BillingService;

/** Violation: the domain knows the application layer above it. */
public class Receipt {
  BillingService billing;
}
