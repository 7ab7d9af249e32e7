package io.khoj4j.adapter.persistence.out.khoj;

import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.application.port.out.migration.KhojSources;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Opens Khoj's PostgreSQL database with plain JDBC, apart from this server's pool: a read-only connection in one
 * repeatable-read transaction, so every page comes from the same snapshot and nothing can be written to the source.
 */
@ApplicationScoped
public class JdbcKhojSources implements KhojSources {

  @Override
  public KhojSource open(String location) {
    if (!location.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "the source must be a PostgreSQL JDBC URL (jdbc:postgresql://host/db?user=…)");
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection(location);
    } catch (SQLException e) {
      throw new IllegalArgumentException(
          "cannot connect to the Khoj database: " + e.getMessage(), e);
    }
    try {
      connection.setReadOnly(true);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setAutoCommit(false);
      requireKhojSchema(connection);
      return new JdbcKhojSource(connection);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      throw e instanceof IllegalArgumentException iae
          ? iae
          : new IllegalArgumentException("cannot read the Khoj database: " + e.getMessage(), e);
    }
  }

  private static void requireKhojSchema(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
            "select to_regclass('database_khojuser') is not null and to_regclass('database_conversation') is not null");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (!rs.getBoolean(1)) {
        throw new IllegalArgumentException(
            "no Khoj schema there: tables database_khojuser and database_conversation are missing");
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the connection failed already; the caller gets the first error
    }
  }
}
