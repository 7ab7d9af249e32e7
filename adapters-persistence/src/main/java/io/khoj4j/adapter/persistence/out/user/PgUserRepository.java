package io.khoj4j.adapter.persistence.out.user;

import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.PasswordHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class PgUserRepository implements UserRepository {

  private final EntityManager em;
  private final Clock clock;

  public PgUserRepository(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  @Override
  public Optional<User> findById(UserId id) {
    return UserEntity.<UserEntity>findByIdOptional(id.value()).map(UserEntityMapper::toDomain);
  }

  @Override
  public Optional<User> findByEmail(String email) {
    return UserEntity.<UserEntity>find("email", email.toLowerCase(Locale.ROOT))
        .firstResultOptional()
        .map(UserEntityMapper::toDomain);
  }

  @Override
  public Optional<User> findByUsername(String username) {
    return UserEntity.<UserEntity>find("username", username)
        .firstResultOptional()
        .map(UserEntityMapper::toDomain);
  }

  /** {@code on conflict do nothing} makes concurrent first logins of one person converge on one row. */
  @Override
  @Transactional
  public User insertIfAbsent(User user) {
    em.createNativeQuery("""
            insert into users (id, username, email, first_name, last_name, verified_email, is_admin,
                               created_at, updated_at)
            values (:id, :username, :email, :first, :last, :verified, :admin, :created, :updated)
            on conflict do nothing
            """)
        .setParameter("id", user.id().value())
        .setParameter("username", user.username())
        .setParameter("email", user.email() == null ? null : user.email().toLowerCase(Locale.ROOT))
        .setParameter("first", user.firstName())
        .setParameter("last", user.lastName())
        .setParameter("verified", user.verifiedEmail())
        .setParameter("admin", user.admin())
        .setParameter("created", user.createdAt())
        .setParameter("updated", clock.instant())
        .executeUpdate();
    return (user.email() == null ? Optional.<User>empty() : findByEmail(user.email()))
        .or(() -> findByUsername(user.username()))
        .orElseThrow();
  }

  @Override
  @Transactional
  public void update(User user) {
    UserEntity entity = UserEntity.findById(user.id().value());
    if (entity == null) {
      return;
    }
    UserEntityMapper.copy(user, entity);
    entity.updatedAt = clock.instant();
  }

  @Override
  public List<User> findAll(int offset, int limit) {
    return em.createQuery("from UserEntity order by createdAt, id", UserEntity.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultStream()
        .map(UserEntityMapper::toDomain)
        .toList();
  }

  @Override
  @Transactional
  public void delete(UserId id) {
    UserEntity.deleteById(id.value());
  }

  @Override
  public Optional<PasswordHash> findPasswordHash(UserId id) {
    // A scalar query always reads the row, never an entity cached earlier in the same persistence
    // context.
    return em.createQuery("select u.passwordHash from UserEntity u where u.id = :id", String.class)
        .setParameter("id", id.value())
        .getResultStream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .map(PasswordHash::new);
  }

  @Override
  @Transactional
  public void setPasswordHash(UserId id, PasswordHash hash) {
    UserEntity entity = UserEntity.findById(id.value());
    if (entity != null) {
      entity.passwordHash = hash.encoded();
      entity.updatedAt = clock.instant();
    }
  }
}
