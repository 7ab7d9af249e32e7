package io.khoj4j.adapter.persistence.out.content;

import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.domain.content.RefusedFile;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** {@link RefusedFileRepository} on the {@code refused_files} table (V13). */
@ApplicationScoped
public class PgRefusedFileRepository implements RefusedFileRepository {

  private final EntityManager em;
  private final Jdbc jdbc;

  public PgRefusedFileRepository(EntityManager em, DataSource dataSource) {
    this.em = em;
    this.jdbc = new Jdbc(dataSource, "refused files");
  }

  @Override
  public void save(RefusedFile file) {
    em.createNativeQuery("""
            insert into refused_files (user_id, file_name, reason, refused_at) values (:u, :n, :r, :t)
            on conflict (user_id, (md5(file_name)))
            do update set reason = excluded.reason, refused_at = excluded.refused_at
            """)
        .setParameter("u", file.owner().value())
        .setParameter("n", file.name())
        .setParameter("r", file.reason())
        .setParameter("t", file.refusedAt())
        .executeUpdate();
  }

  @Override
  public Set<String> refusedAmong(UserId owner, Collection<String> names) {
    if (names.isEmpty()) {
      return Set.of();
    }
    // plain JDBC, like the entries' reads: an upload from a thread without a request context (a
    // connector's sync on save) reads this outside any transaction, where the EntityManager is not
    // available
    return new HashSet<>(jdbc.list(
        "select file_name from refused_files where user_id = ? and file_name = any (?)",
        rs -> rs.getString(1),
        owner.value(),
        Set.copyOf(names).toArray(String[]::new)));
  }

  @Override
  public int forget(UserId owner, Collection<String> names) {
    if (names.isEmpty()) {
      return 0;
    }
    return em.createNativeQuery(
            "delete from refused_files where user_id = :u and file_name in (:names)")
        .setParameter("u", owner.value())
        .setParameter("names", Set.copyOf(names))
        .executeUpdate();
  }

  @Override
  public int forgetAll(UserId owner) {
    return em.createNativeQuery("delete from refused_files where user_id = :u")
        .setParameter("u", owner.value())
        .executeUpdate();
  }

  @Override
  public void keepNewest(UserId owner, int keep) {
    em.createNativeQuery("""
            delete from refused_files where user_id = :u and md5(file_name) in (
              select md5(file_name) from refused_files where user_id = :u
              order by refused_at desc, file_name offset :keep)
            """)
        .setParameter("u", owner.value())
        .setParameter("keep", keep)
        .executeUpdate();
  }

  @Override
  public List<RefusedFile> list(UserId owner, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("""
            select file_name, reason, refused_at from refused_files where user_id = :u
            order by refused_at desc, file_name limit :limit
            """)
        .setParameter("u", owner.value())
        .setParameter("limit", limit)
        .getResultList();
    return rows.stream()
        .map(r -> new RefusedFile(owner, (String) r[0], (String) r[1], instant(r[2])))
        .toList();
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case Instant i -> i;
      case OffsetDateTime o -> o.toInstant();
      case java.sql.Timestamp t -> t.toInstant();
      default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    };
  }
}
