package io.khoj4j.adapter.persistence.out.auth;

import io.khoj4j.application.port.out.auth.ExternalIdentityRepository;
import io.khoj4j.domain.user.ExternalIdentity;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PgExternalIdentityRepository implements ExternalIdentityRepository {

  private final EntityManager em;

  public PgExternalIdentityRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<ExternalIdentity> find(String issuer, String subject) {
    return em.createNativeQuery(
            "select user_id from external_identities where issuer = :i and subject = :s", UUID.class)
        .setParameter("i", issuer)
        .setParameter("s", subject)
        .getResultStream()
        .findFirst()
        .map(id -> new ExternalIdentity(issuer, subject, new UserId((UUID) id)));
  }

  @Override
  @Transactional
  public ExternalIdentity linkIfAbsent(ExternalIdentity identity) {
    em.createNativeQuery(
            """
            insert into external_identities (issuer, subject, user_id) values (:i, :s, :u)
            on conflict (issuer, subject) do nothing
            """)
        .setParameter("i", identity.issuer())
        .setParameter("s", identity.subject())
        .setParameter("u", identity.user().value())
        .executeUpdate();
    return find(identity.issuer(), identity.subject()).orElseThrow();
  }
}
