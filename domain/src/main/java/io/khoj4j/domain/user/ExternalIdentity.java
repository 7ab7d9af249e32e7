package io.khoj4j.domain.user;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's account at an OpenID Connect provider (Google, Keycloak, Authentik, …): the issuer and the provider's
 * stable subject id. The pair, not the e-mail address, identifies the person on later logins. The provider may also
 * share a profile picture: an absolute http(s) URL of at most {@value #MAX_PICTURE_LENGTH} characters, or none.
 */
public record ExternalIdentity(String issuer, String subject, UserId user, String picture) {

  public static final int MAX_PICTURE_LENGTH = 2000;

  public ExternalIdentity {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(user, "user");
    if (issuer.isBlank() || subject.isBlank()) {
      throw new IllegalArgumentException("issuer and subject must not be blank");
    }
    if (picture != null && acceptablePicture(picture).isEmpty()) {
      throw new IllegalArgumentException(
          "picture must be an http(s) URL of at most 2000 characters");
    }
  }

  /** An identity without a picture. */
  public ExternalIdentity(String issuer, String subject, UserId user) {
    this(issuer, subject, user, null);
  }

  /**
   * The provider's {@code picture} claim when it can be shown as an image source: an absolute http or https URL
   * with a host, of at most {@value #MAX_PICTURE_LENGTH} characters. Anything else ({@code javascript:},
   * {@code data:}, relative paths, garbage) is dropped.
   */
  public static Optional<String> acceptablePicture(String claim) {
    if (claim == null || claim.isBlank() || claim.length() > MAX_PICTURE_LENGTH) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(claim);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("https") || scheme.equals("http");
      return web && uri.getHost() != null ? Optional.of(claim) : Optional.empty();
    } catch (URISyntaxException notAUri) {
      return Optional.empty();
    }
  }
}
