package io.khoj4j.adapter.persistence.out.auth;

import io.khoj4j.application.port.out.auth.LoginCodeRepository;
import io.khoj4j.domain.user.LoginCode;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PgLoginCodeRepository implements LoginCodeRepository {

  private final EntityManager em;

  public PgLoginCodeRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public void replace(LoginCode code) {
    em.createNativeQuery("""
            insert into login_codes (user_id, code_hash, expires_at) values (:u, :h, :e)
            on conflict (user_id) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at
            """)
        .setParameter("u", code.owner().value())
        .setParameter("h", code.hash().hex())
        .setParameter("e", code.expiresAt())
        .executeUpdate();
  }

  @Override
  public Optional<LoginCode> find(UserId owner) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(
            "select code_hash, expires_at from login_codes where user_id = :u")
        .setParameter("u", owner.value())
        .getResultList();
    return rows.stream()
        .findFirst()
        .map(row -> new LoginCode(
            owner, new SecretHash((String) row[0]), PgWebSessionRepository.instant(row[1])));
  }

  /** The delete matches the exact code, so of two racing redeemers only one sees a deleted row. */
  @Override
  @Transactional
  public boolean consume(LoginCode code) {
    return em.createNativeQuery("delete from login_codes where user_id = :u and code_hash = :h")
            .setParameter("u", code.owner().value())
            .setParameter("h", code.hash().hex())
            .executeUpdate()
        == 1;
  }
}
