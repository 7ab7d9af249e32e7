package io.khoj4j.archfixture.dependency.application.service;

import io.khoj4j.archfixture.dependency.adapter.web.InvoiceResource;

/** Violation: the application knows an adapter. */
public class BillingService {
  InvoiceResource resource;
}
