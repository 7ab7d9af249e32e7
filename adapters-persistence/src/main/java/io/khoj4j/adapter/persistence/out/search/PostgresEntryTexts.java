package io.khoj4j.adapter.persistence.out.search;

import io.khoj4j.application.port.out.search.EntryTexts;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The text of the entries a search returns, read in one query by primary key, scoped by owner. */
@ApplicationScoped
public class PostgresEntryTexts implements EntryTexts {

  private final DataSource dataSource;

  public PostgresEntryTexts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Map<UUID, EntryText> textsOf(UserId owner, Collection<UUID> ids) {
    Map<UUID, EntryText> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "select id, raw, compiled, heading, uri from entries where id = any (?) and user_id = ?")) {
      ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      ps.setObject(2, owner.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getObject(1, UUID.class),
              new EntryText(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("reading entry texts failed: " + e.getMessage(), e);
    }
  }
}
