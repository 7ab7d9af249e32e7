package io.khoj4j.application.port.in.auth;

import java.util.Objects;

/**
 * What an OpenID Connect provider said about the person: its issuer, their subject id, and their claims. The
 * picture is the raw {@code picture} claim or null; the login keeps it only when it is an http(s) URL.
 */
public record ExternalLoginCommand(
    String issuer,
    String subject,
    String email,
    boolean emailVerified,
    String givenName,
    String familyName,
    String picture) {

  public ExternalLoginCommand {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
  }

  /** A provider that shares no picture. */
  public ExternalLoginCommand(
      String issuer,
      String subject,
      String email,
      boolean emailVerified,
      String givenName,
      String familyName) {
    this(issuer, subject, email, emailVerified, givenName, familyName, null);
  }
}
