package io.khoj4j.domain.user;

import java.util.Objects;

/**
 * A user's account at an OpenID Connect provider (Google, Keycloak, Authentik, …): the issuer and the provider's
 * stable subject id. The pair, not the e-mail address, identifies the person on later logins.
 */
public record ExternalIdentity(String issuer, String subject, UserId user) {

  public ExternalIdentity {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(user, "user");
    if (issuer.isBlank() || subject.isBlank()) {
      throw new IllegalArgumentException("issuer and subject must not be blank");
    }
  }
}
