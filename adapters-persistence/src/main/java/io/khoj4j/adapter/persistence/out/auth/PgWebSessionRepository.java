package io.khoj4j.adapter.persistence.out.auth;

import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.adapter.persistence.out.user.UserRows;
import io.khoj4j.application.port.out.auth.OwnedSession;
import io.khoj4j.application.port.out.auth.WebSessionRepository;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.khoj4j.domain.user.WebSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

@ApplicationScoped
public class PgWebSessionRepository implements WebSessionRepository {

  /** Every request with a session cookie runs this: one statement over plain JDBC, no ORM session. */
  private static final String WITH_OWNER = "select s.created_at, s.expires_at, " + UserRows.COLUMNS
      + " from web_sessions s join users u on u.id = s.user_id where s.token_hash = ?";

  private final EntityManager em;
  private final Jdbc jdbc;

  public PgWebSessionRepository(EntityManager em, DataSource dataSource) {
    this.em = em;
    this.jdbc = new Jdbc(dataSource, "session lookup");
  }

  @Override
  @Transactional
  public void insert(WebSession session) {
    em.createNativeQuery(
            "insert into web_sessions (token_hash, user_id, created_at, expires_at) values (:h, :u, :c, :e)")
        .setParameter("h", session.hash().hex())
        .setParameter("u", session.owner().value())
        .setParameter("c", session.createdAt())
        .setParameter("e", session.expiresAt())
        .executeUpdate();
  }

  @Override
  public Optional<OwnedSession> findWithOwner(SecretHash hash) {
    return jdbc.first(
        WITH_OWNER,
        rs -> {
          User owner = UserRows.map(rs);
          return new OwnedSession(
              new WebSession(
                  hash,
                  owner.id(),
                  rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                  rs.getObject("expires_at", OffsetDateTime.class).toInstant()),
              owner);
        },
        hash.hex());
  }

  @Override
  @Transactional
  public void delete(SecretHash hash) {
    em.createNativeQuery("delete from web_sessions where token_hash = :h")
        .setParameter("h", hash.hex())
        .executeUpdate();
  }

  @Override
  @Transactional
  public int deleteByOwner(UserId owner) {
    return em.createNativeQuery("delete from web_sessions where user_id = :u")
        .setParameter("u", owner.value())
        .executeUpdate();
  }

  @Override
  @Transactional
  public int deleteExpired(Instant now) {
    return em.createNativeQuery("delete from web_sessions where expires_at <= :now")
        .setParameter("now", now)
        .executeUpdate();
  }

  static Instant instant(Object value) {
    return switch (value) {
      case Instant i -> i;
      case OffsetDateTime o -> o.toInstant();
      case java.sql.Timestamp t -> t.toInstant();
      default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    };
  }
}
