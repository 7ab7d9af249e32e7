package io.khoj4j.archfixture.dependency.domain;

import io.khoj4j.archfixture.dependency.adapter.web.InvoiceResource;

/** Violation: the domain knows an adapter. */
public class Invoice {
  InvoiceResource resource;
}
