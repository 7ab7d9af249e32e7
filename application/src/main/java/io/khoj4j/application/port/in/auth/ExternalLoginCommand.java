package io.khoj4j.application.port.in.auth;

import java.util.Objects;

/** What an OpenID Connect provider said about the person: its issuer, their subject id, and their claims. */
public record ExternalLoginCommand(
    String issuer, String subject, String email, boolean emailVerified, String givenName, String familyName) {

  public ExternalLoginCommand {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
  }
}
