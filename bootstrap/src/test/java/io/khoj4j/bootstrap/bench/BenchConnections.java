package io.khoj4j.bootstrap.bench;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Connections for benchmarks that call the server's SQL adapters directly. */
final class BenchConnections {

  private BenchConnections() {}

  /**
   * A data source handing out one connection of its own, in autocommit as the server's pool lends it to the search
   * adapters (they run outside any transaction): their close keeps it open, as the pool does.
   */
  static DataSource kept(String jdbc) {
    try {
      Connection c = DriverManager.getConnection(jdbc, "khoj4j", "khoj4j");
      Connection kept = (Connection) Proxy.newProxyInstance(
          Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              return null;
            }
            return method.invoke(c, args);
          });
      return (DataSource) Proxy.newProxyInstance(
          DataSource.class.getClassLoader(),
          new Class<?>[] {DataSource.class},
          (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
              return kept;
            }
            throw new UnsupportedOperationException(method.getName());
          });
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
