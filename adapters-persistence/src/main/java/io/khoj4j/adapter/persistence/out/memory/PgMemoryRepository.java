package io.khoj4j.adapter.persistence.out.memory;

import io.khoj4j.application.port.out.memory.MemoryRepository;
import io.khoj4j.domain.memory.Memory;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Tables {@code user_memories} and {@code user_memory_switch}. Recall is an exact cosine scan over the owner's
 * memories of the current embedding model (a user has tens, not millions; no index needed).
 */
@ApplicationScoped
public class PgMemoryRepository implements MemoryRepository {

  private final EntityManager em;

  public PgMemoryRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Memory> list(UserId owner) {
    List<Object[]> rows = em.createNativeQuery(
            "select id, raw, created_at from user_memories where user_id = :u order by created_at desc, id desc")
        .setParameter("u", owner.value())
        .getResultList();
    return rows.stream().map(r -> memory(owner, r)).toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Memory> find(UserId owner, long id) {
    List<Object[]> rows = em.createNativeQuery(
            "select id, raw, created_at from user_memories where user_id = :u and id = :id")
        .setParameter("u", owner.value())
        .setParameter("id", id)
        .getResultList();
    return rows.stream().map(r -> memory(owner, r)).findFirst();
  }

  @Override
  @Transactional
  public Memory insert(UserId owner, String raw, float[] embedding, String model, Instant at) {
    Number id = (Number) em.createNativeQuery("""
            insert into user_memories (user_id, raw, embedding, embedding_model, created_at)
            values (:u, :raw, cast(:v as vector), :m, :at) returning id
            """)
        .setParameter("u", owner.value())
        .setParameter("raw", raw)
        .setParameter("v", literal(embedding))
        .setParameter("m", model)
        .setParameter("at", Timestamp.from(at))
        .getSingleResult();
    return new Memory(id.longValue(), owner, raw, at);
  }

  @Override
  @Transactional
  public boolean delete(UserId owner, long id) {
    return em.createNativeQuery("delete from user_memories where user_id = :u and id = :id")
            .setParameter("u", owner.value())
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Memory> nearest(
      UserId owner, float[] query, String model, int limit, double maxDistance) {
    List<Object[]> rows = em.createNativeQuery("""
            with mine as materialized (
              select id, raw, created_at, embedding from user_memories where user_id = :u and embedding_model = :m
            )
            select id, raw, created_at from (
              select id, raw, created_at, embedding <=> cast(:v as vector) as distance from mine
            ) ranked
            where distance <= :max order by distance, id limit :k
            """)
        .setParameter("u", owner.value())
        .setParameter("m", model)
        .setParameter("v", literal(query))
        .setParameter("max", maxDistance)
        .setParameter("k", limit)
        .getResultList();
    return rows.stream().map(r -> memory(owner, r)).toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Boolean> switchOf(UserId owner) {
    List<Boolean> rows = em.createNativeQuery(
            "select enabled from user_memory_switch where user_id = :u")
        .setParameter("u", owner.value())
        .getResultList();
    return rows.stream().findFirst();
  }

  @Override
  @Transactional
  public void setSwitch(UserId owner, boolean enabled, Instant at) {
    em.createNativeQuery("""
            insert into user_memory_switch (user_id, enabled, updated_at) values (:u, :e, :at)
            on conflict (user_id) do update set enabled = excluded.enabled, updated_at = excluded.updated_at
            """)
        .setParameter("u", owner.value())
        .setParameter("e", enabled)
        .setParameter("at", Timestamp.from(at))
        .executeUpdate();
  }

  private static Memory memory(UserId owner, Object[] row) {
    Instant at = switch (row[2]) {
      case Timestamp t -> t.toInstant();
      case OffsetDateTime o -> o.toInstant();
      case Instant i -> i;
      default -> throw new IllegalStateException("unexpected timestamp type " + row[2].getClass());
    };
    return new Memory(((Number) row[0]).longValue(), owner, (String) row[1], at);
  }

  private static String literal(float[] v) {
    StringBuilder sb = new StringBuilder(v.length * 10).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(v[i]);
    }
    return sb.append(']').toString();
  }
}
