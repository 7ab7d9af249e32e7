package io.khoj4j.adapter.persistence.out.agent;

import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.application.port.out.agent.AgentKnowledge;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Agent knowledge in PostgreSQL: the creator's entries of the chosen files copied, in one statement, into entries whose
 * owner is the agent ({@code agent_id}, no {@code user_id}); their dates are copied with them, and the postings
 * trigger indexes their words under the agent. Deleting the agent cascades to the copies.
 */
@ApplicationScoped
public class PgAgentKnowledge implements AgentKnowledge {

  private final Jdbc jdbc;

  public PgAgentKnowledge(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource, "agent knowledge storage");
  }

  @Override
  public Set<String> indexed(UserId creator, Collection<String> files) {
    if (files.isEmpty()) {
      return Set.of();
    }
    return jdbc.inConnection(c -> new HashSet<>(Jdbc.list(
        c,
        "select distinct f from unnest(?::text[]) f"
            + " where exists (select 1 from entries e where e.user_id = ? and e.file_path = f)",
        rs -> rs.getString(1),
        c.createArrayOf("text", files.toArray()),
        creator.value())));
  }

  @Override
  @Transactional
  public void replace(UUID agent, UserId creator, Collection<String> files) {
    jdbc.inConnection(c -> {
      Jdbc.update(c, "delete from entries where agent_id = ?", agent);
      if (files.isEmpty()) {
        return null;
      }
      // new ids are made once per source row (the CTE is materialised), so each copy's dates follow
      // it
      return Jdbc.update(
          c, """
          with source as materialized (
              select gen_random_uuid() as copy_id, e.* from entries e
              where e.user_id = ? and e.file_path = any (?::text[])),
          copied as (
              insert into entries (id, user_id, agent_id, file_path, file_type, file_source, raw, compiled, heading,
                                   uri, content_hash, corpus_id, embedding, model_id, created_at)
              select copy_id, null, ?, file_path, file_type, file_source, raw, compiled, heading, uri, content_hash,
                     corpus_id, embedding, model_id, created_at
              from source
              returning id)
          insert into entry_dates (entry_id, user_id, mentioned)
          select s.copy_id, ?, d.mentioned from source s join entry_dates d on d.entry_id = s.id
          """, creator.value(), c.createArrayOf("text", files.toArray()), agent, agent);
    });
  }
}
