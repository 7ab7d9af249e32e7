package io.khoj4j.adapter.persistence.out.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The persistence adapter's one way to run plain SQL where JPA does not fit (batches, arrays, pgvector, another
 * database): statements with bound parameters (an {@link Instant} as a timestamp, {@link Jsonb} as JSONB, anything
 * else as the driver sends it), rows mapped by a function, and {@link SQLException} turned into an
 * {@link IllegalStateException} naming what failed. Connections come from the server's pool and join the caller's
 * transaction when there is one.
 */
public final class Jdbc {

  /** Work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** One row to one value. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** A parameter sent as JSONB. */
  public record Jsonb(String value) {}

  private final DataSource dataSource;
  private final String what;

  /** {@code what} names the storage in error messages, e.g. {@code "connector storage"}. */
  public Jdbc(DataSource dataSource, String what) {
    this.dataSource = dataSource;
    this.what = what;
  }

  public <T> T inConnection(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  public <T> List<T> list(String sql, Row<T> row, Object... params) {
    return inConnection(c -> list(c, sql, row, params));
  }

  public <T> Optional<T> first(String sql, Row<T> row, Object... params) {
    return inConnection(c -> first(c, sql, row, params));
  }

  public int update(String sql, Object... params) {
    return inConnection(c -> update(c, sql, params));
  }

  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  public static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
      }
    }
  }

  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  public static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Instant instant) {
        ps.setTimestamp(i + 1, Timestamp.from(instant));
      } else if (p instanceof Jsonb json) {
        ps.setObject(i + 1, json.value(), Types.OTHER);
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  /** {@code e} as the unchecked failure of {@code what}. */
  public static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(what + " failed: " + e.getMessage(), e);
  }
}
