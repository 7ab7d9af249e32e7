package io.khoj4j.adapter.persistence.out.search;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * The searches' connections, at most {@code limit} at once (ADR 38). A search's statements are short and
 * CPU-bound in PostgreSQL, so more of them at once than the database has cores to run them only adds
 * contention: the same buffers cost PostgreSQL more CPU when twice as many backends take turns on the cores.
 * A search asking for a connection beyond the limit waits, in arrival order, until a statement of another
 * search gives one back; after {@code longestWait} it fails as a busy pool would.
 *
 * <p>Each connection handed out holds one permit until it is closed (once, however often {@code close} is
 * called); every reader of {@link SearchReads} closes its connection with try-with-resources and never holds
 * one while asking for another, so permits cannot be held by searches waiting for each other.
 */
public record BoundedConnections(DataSource connections, Semaphore permits, Duration longestWait)
    implements SearchDataSource {

  /**
   * What the connections handed out are proxies of: a native build registers them (bootstrap's
   * {@code META-INF/native-image/io.khoj4j/khoj4j/proxy-config.json}).
   */
  public static final List<Class<?>> PROXIED = List.of(Connection.class);

  public BoundedConnections(DataSource connections, int limit, Duration longestWait) {
    this(connections, new Semaphore(requirePositive(limit), true), longestWait);
  }

  private static int requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("at least one connection, not " + limit);
    }
    return limit;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      if (!permits.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new SQLTransientConnectionException(
            "every search connection is busy (waited " + longestWait.toMillis() + " ms)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted waiting for a search connection", e);
    }
    Connection connection;
    try {
      connection = connections.getConnection();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
    return releasingOnClose(connection);
  }

  /** The connection, giving its permit back the first time it is closed. */
  private Connection releasingOnClose(Connection connection) {
    AtomicBoolean released = new AtomicBoolean();
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(),
        PROXIED.toArray(Class<?>[]::new),
        (proxy, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            try {
              connection.close();
            } finally {
              if (released.compareAndSet(false, true)) {
                permits.release();
              }
            }
            return null;
          }
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "search connection " + connection;
            };
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return connections.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || connections.isWrapperFor(type);
  }
}
