package io.khoj4j.archfixture.dependency.adapter.web;

/** Target of the domain and application fixtures; obeys every rule itself. */
public class InvoiceResource {}
