package io.khoj4j.adapter.persistence.out.search;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/** A data source that hands out one open connection again and again, as a pool hands its connections on. */
final class OneConnection {

  private OneConnection() {}

  /** {@code connection} behind a data source; closing what it hands out leaves the connection open. */
  static DataSource of(Connection connection) {
    return (DataSource) Proxy.newProxyInstance(
        DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
          if (m.getName().equals("getConnection")) {
            return Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (p, cm, cargs) ->
                    cm.getName().equals("close") ? null : cm.invoke(connection, cargs));
          }
          throw new UnsupportedOperationException(m.getName());
        });
  }
}
