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
            "select user_id, picture from external_identities where issuer = :i and subject = :s",
            Object[].class)
        .setParameter("i", issuer)
        .setParameter("s", subject)
        .getResultStream()
        .findFirst()
        .map(row -> {
          Object[] columns = (Object[]) row;
          return new ExternalIdentity(
              issuer, subject, new UserId((UUID) columns[0]), (String) columns[1]);
        });
  }

  @Override
  @Transactional
  public ExternalIdentity linkIfAbsent(ExternalIdentity identity) {
    em.createNativeQuery("""
            insert into external_identities (issuer, subject, user_id, picture, picture_updated_at)
            values (:i, :s, :u, cast(:p as varchar),
                    case when cast(:p as varchar) is null then null else clock_timestamp() end)
            on conflict (issuer, subject) do nothing
            """)
        .setParameter("i", identity.issuer())
        .setParameter("s", identity.subject())
        .setParameter("u", identity.user().value())
        .setParameter("p", identity.picture())
        .executeUpdate();
    return find(identity.issuer(), identity.subject()).orElseThrow();
  }

  @Override
  @Transactional
  public void updatePicture(String issuer, String subject, String picture) {
    String accepted = ExternalIdentity.acceptablePicture(picture)
        .orElseThrow(() -> new IllegalArgumentException("not an acceptable picture"));
    em.createNativeQuery("""
            update external_identities set picture = :p, picture_updated_at = clock_timestamp()
            where issuer = :i and subject = :s
            """)
        .setParameter("p", accepted)
        .setParameter("i", issuer)
        .setParameter("s", subject)
        .executeUpdate();
  }

  @Override
  public Optional<String> latestPicture(UserId user) {
    return em.createNativeQuery("""
            select picture from external_identities where user_id = :u and picture is not null
            order by picture_updated_at desc nulls last limit 1
            """, String.class)
        .setParameter("u", user.value())
        .getResultStream()
        .findFirst()
        .map(String.class::cast);
  }

  @Override
  @Transactional
  public void unlinkAll(UserId user) {
    em.createNativeQuery("delete from external_identities where user_id = :u")
        .setParameter("u", user.value())
        .executeUpdate();
  }
}
