package io.khoj4j.adapter.persistence.out.search;

import io.khoj4j.application.port.out.search.EntryTexts;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The text and file of the entries a search returns, read in one query by primary key, scoped by owner,
 * with each one's cosine distance to the query vector (for the hits of rankers that report none).
 */
@ApplicationScoped
public class PgEntryTexts implements EntryTexts {

  private final DataSource dataSource;

  public PgEntryTexts(@SearchReads DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Map<UUID, EntryText> textsOf(
      UserId owner, Optional<UUID> agent, Collection<UUID> ids, QueryVector query) {
    Map<UUID, EntryText> out = new HashMap<>();
    read(
        "raw, compiled, heading, uri, file_path, file_source",
        owner,
        agent,
        ids,
        query,
        (rs, distance) -> out.put(
            rs.getObject(1, UUID.class),
            new EntryText(
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                ContentSource.fromWire(rs.getString(7)).orElse(ContentSource.COMPUTER),
                distance)));
    return out;
  }

  @Override
  public Map<UUID, Double> distancesOf(
      UserId owner, Optional<UUID> agent, Collection<UUID> ids, QueryVector query) {
    Map<UUID, Double> out = new HashMap<>();
    read("", owner, agent, ids, query, (rs, distance) -> {
      if (!Double.isNaN(distance)) {
        out.put(rs.getObject(1, UUID.class), distance);
      }
    });
    return out;
  }

  @FunctionalInterface
  private interface Row {
    /** {@code distance} is {@code NaN} for an entry without a vector of the query's model. */
    void accept(ResultSet rs, double distance) throws SQLException;
  }

  /**
   * Reads {@code id}, then {@code columns} (none if empty), of the owner's (and the knowledge agent's) entries among
   * {@code ids}, each with its distance to the query vector (the last column).
   */
  private void read(
      String columns,
      UserId owner,
      Optional<UUID> agent,
      Collection<UUID> ids,
      QueryVector query,
      Row row) {
    if (ids.isEmpty()) {
      return;
    }
    String type = RankingSql.vectorType(query.dimension());
    String sql = "select id" + (columns.isEmpty() ? "" : ", " + columns)
        + ", case when model_id = " + RankingSql.literal(query.modelId())
        + " then (embedding::" + type + " <=> ?::" + type + ") end as distance"
        + " from entries where id = any (?) and "
        + (agent.isPresent() ? "(user_id = ? or agent_id = ?)" : "user_id = ?");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, RankingSql.vectorLiteral(query.vector()), Types.OTHER);
      ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
      ps.setObject(3, owner.value());
      if (agent.isPresent()) {
        ps.setObject(4, agent.get());
      }
      try (ResultSet rs = ps.executeQuery()) {
        int last = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          double distance = rs.getDouble(last);
          // asked right after the column it is about, before any other is read
          row.accept(rs, rs.wasNull() ? Double.NaN : distance);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading entries failed: " + e.getMessage(), e);
    }
  }
}
