package io.khoj4j.adapter.persistence.out.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class BoundedConnectionsTest {

  /** Connections that count how many are open and say when a statement is prepared on them. */
  private static final class Counting {
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger prepared = new AtomicInteger();
    final List<Connection> handedOut = new ArrayList<>();
    boolean refuse;

    DataSource dataSource() {
      return (DataSource) Proxy.newProxyInstance(
          DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, a) -> {
            if (!m.getName().equals("getConnection")) {
              throw new UnsupportedOperationException(m.getName());
            }
            if (refuse) {
              throw new SQLException("the database is down");
            }
            open.incrementAndGet();
            Connection c = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (cp, cm, ca) -> {
                  switch (cm.getName()) {
                    case "close" -> open.decrementAndGet();
                    case "prepareStatement" -> {
                      prepared.incrementAndGet();
                      throw new SQLException("no such table: " + ca[0]);
                    }
                    case "isClosed" -> {
                      return false;
                    }
                    default -> throw new UnsupportedOperationException(cm.getName());
                  }
                  return null;
                });
            handedOut.add(c);
            return c;
          });
    }
  }

  @Test
  void handsOutAtMostTheLimitAndTheNextWaitsForOneToBeClosed() throws Exception {
    Counting db = new Counting();
    BoundedConnections bounded = new BoundedConnections(db.dataSource(), 2, Duration.ofSeconds(10));
    Connection first = bounded.getConnection();
    Connection second = bounded.getConnection();

    CompletableFuture<Connection> third = CompletableFuture.supplyAsync(() -> {
      try {
        return bounded.getConnection();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(200);
    assertThat(third).isNotDone();
    assertThat(db.open).hasValue(2);

    first.close();
    Connection got = third.get(5, TimeUnit.SECONDS);
    assertThat(db.open).hasValue(2);
    got.close();
    second.close();
    assertThat(db.open).hasValue(0);
    assertThat(bounded.permits().availablePermits()).isEqualTo(2);
  }

  @Test
  void aConnectionClosedTwiceGivesBackOnePermit() throws Exception {
    BoundedConnections bounded =
        new BoundedConnections(new Counting().dataSource(), 2, Duration.ofSeconds(1));
    Connection c = bounded.getConnection();
    c.close();
    c.close();
    assertThat(bounded.permits().availablePermits()).isEqualTo(2);
  }

  @Test
  void waitingLongerThanAllowedFailsAsABusyPoolWould() throws Exception {
    BoundedConnections bounded =
        new BoundedConnections(new Counting().dataSource(), 1, Duration.ofMillis(50));
    try (Connection held = bounded.getConnection()) {
      assertThatThrownBy(bounded::getConnection)
          .isInstanceOf(SQLTransientConnectionException.class)
          .hasMessageContaining("busy");
    }
    assertThat(bounded.permits().availablePermits()).isEqualTo(1);
  }

  @Test
  void aConnectionThatCannotBeOpenedHoldsNoPermit() {
    Counting db = new Counting();
    db.refuse = true;
    BoundedConnections bounded = new BoundedConnections(db.dataSource(), 1, Duration.ofSeconds(1));
    assertThatThrownBy(bounded::getConnection).hasMessage("the database is down");
    assertThat(bounded.permits().availablePermits()).isEqualTo(1);
  }

  @Test
  void callsReachTheConnectionAndItsErrorsComeBackAsThrown() throws Exception {
    Counting db = new Counting();
    BoundedConnections bounded = new BoundedConnections(db.dataSource(), 1, Duration.ofSeconds(1));
    try (Connection c = bounded.getConnection()) {
      assertThat(c.isClosed()).isFalse();
      assertThatThrownBy(() -> c.prepareStatement("select 1 from nowhere"))
          .isInstanceOf(SQLException.class)
          .hasMessage("no such table: select 1 from nowhere");
      assertThat(c).isEqualTo(c).isNotEqualTo(db.handedOut.get(0));
    }
    assertThat(db.prepared).hasValue(1);
    assertThat(db.open).hasValue(0);
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> new BoundedConnections(new Counting().dataSource(), 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
