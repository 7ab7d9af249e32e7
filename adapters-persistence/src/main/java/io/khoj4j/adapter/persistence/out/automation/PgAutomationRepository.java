package io.khoj4j.adapter.persistence.out.automation;

import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.automation.Crontime;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PgAutomationRepository implements AutomationRepository {

  private static final String COLUMNS =
      "id, user_id, subject, query_to_run, scheduling_request, crontime, zone, conversation_id, created_at,"
          + " city, region, country";

  private final EntityManager em;

  public PgAutomationRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional
  public void insert(Automation automation) {
    bind(
            em.createNativeQuery("insert into automations (" + COLUMNS
                + ") values (:id, :u, :s, :q, :r, :c, :z, :conv, :at, cast(:city as text),"
                + " cast(:region as text), cast(:country as text))"),
            automation)
        .executeUpdate();
  }

  @Override
  @Transactional
  public boolean update(Automation automation) {
    return bind(em.createNativeQuery("""
            update automations set subject = :s, query_to_run = :q, scheduling_request = :r, crontime = :c, zone = :z,
                                   conversation_id = :conv, created_at = :at, city = cast(:city as text),
                                   region = cast(:region as text), country = cast(:country as text)
            where id = :id and user_id = :u
            """), automation).executeUpdate() == 1;
  }

  @Override
  public Optional<Automation> find(UserId owner, UUID id) {
    return rows(em.createNativeQuery(
                "select " + COLUMNS + " from automations where user_id = :u and id = :id")
            .setParameter("u", owner.value())
            .setParameter("id", id))
        .stream()
        .findFirst();
  }

  @Override
  public List<Automation> list(UserId owner) {
    return rows(em.createNativeQuery(
            "select " + COLUMNS + " from automations where user_id = :u order by created_at, id")
        .setParameter("u", owner.value()));
  }

  @Override
  public long count(UserId owner) {
    return ((Number) em.createNativeQuery("select count(*) from automations where user_id = :u")
            .setParameter("u", owner.value())
            .getSingleResult())
        .longValue();
  }

  @Override
  @Transactional
  public boolean delete(UserId owner, UUID id) {
    return em.createNativeQuery("delete from automations where user_id = :u and id = :id")
            .setParameter("u", owner.value())
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  private static Query bind(Query query, Automation a) {
    return query
        .setParameter("id", a.id())
        .setParameter("u", a.owner().value())
        .setParameter("s", a.subject())
        .setParameter("q", a.queryToRun())
        .setParameter("r", a.schedulingRequest())
        .setParameter("c", a.crontime().expression())
        .setParameter("z", a.zone().getId())
        .setParameter("conv", a.conversationId())
        .setParameter("at", a.createdAt())
        .setParameter("city", a.place().city())
        .setParameter("region", a.place().region())
        .setParameter("country", a.place().country());
  }

  private static List<Automation> rows(Query query) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(row -> new Automation(
            (UUID) row[0],
            new UserId((UUID) row[1]),
            (String) row[2],
            (String) row[3],
            (String) row[4],
            new Crontime((String) row[5]),
            ZoneId.of((String) row[6]),
            (UUID) row[7],
            instant(row[8]),
            new Automation.Place((String) row[9], (String) row[10], (String) row[11])))
        .toList();
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case Instant i -> i;
      case OffsetDateTime o -> o.toInstant();
      case Timestamp t -> t.toInstant();
      default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    };
  }
}
