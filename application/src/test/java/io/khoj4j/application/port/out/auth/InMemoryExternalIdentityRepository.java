package io.khoj4j.application.port.out.auth;

import io.khoj4j.domain.user.ExternalIdentity;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of {@link ExternalIdentityRepository}; passes {@link ExternalIdentityRepositoryContract}. */
public final class InMemoryExternalIdentityRepository implements ExternalIdentityRepository {

  private final Map<String, ExternalIdentity> links = new ConcurrentHashMap<>();

  @Override
  public Optional<ExternalIdentity> find(String issuer, String subject) {
    return Optional.ofNullable(links.get(issuer + "\n" + subject));
  }

  @Override
  public ExternalIdentity linkIfAbsent(ExternalIdentity identity) {
    return links.computeIfAbsent(identity.issuer() + "\n" + identity.subject(), k -> identity);
  }
}
