package io.khoj4j.archfixture.purity.application.service;

/** Violation: a service is a CDI bean. */
@jakarta.enterprise.context.ApplicationScoped
public class NoteService {}
