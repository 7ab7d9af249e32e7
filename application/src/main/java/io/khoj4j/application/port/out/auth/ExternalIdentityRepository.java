package io.khoj4j.application.port.out.auth;

import io.khoj4j.domain.user.ExternalIdentity;
import java.util.Optional;

/** Links between khoj4j users and their accounts at OpenID Connect providers. */
public interface ExternalIdentityRepository {

  Optional<ExternalIdentity> find(String issuer, String subject);

  /** Stores the link unless one exists for the same issuer and subject; returns the stored link. */
  ExternalIdentity linkIfAbsent(ExternalIdentity identity);
}
