package io.khoj4j.archfixture.security.application.service;

/** Violation: the core reads the framework's security identity. */
public class TokenService {
  io.quarkus.security.identity.SecurityIdentity identity;
}
