package io.khoj4j.adapter.persistence.out.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class MinuteCountsTest {

  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  /** The search's connection: the counts read on it are the ones a search waits for. */
  private final Connection searchConnection = connection(new AtomicInteger());

  /** The refreshes' connections, handed out by the data source; each counts its closes here. */
  private final AtomicInteger closed = new AtomicInteger();

  private final List<Connection> handedOut = new ArrayList<>();
  private boolean databaseDown;
  private final DataSource source = (DataSource) Proxy.newProxyInstance(
      DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, a) -> {
        if (databaseDown) {
          throw new SQLException("the database is down");
        }
        Connection c = connection(closed);
        handedOut.add(c);
        return c;
      });

  private long now = 1_000 * MINUTE;
  private final List<Runnable> scheduled = new ArrayList<>();
  private final MinuteCounts counts = new MinuteCounts(source, () -> now, scheduled::add);

  /** The value the next read returns, and the connections read on, in order. */
  private long stored = 50_000;

  private final List<Connection> readOn = new ArrayList<>();

  private long read(Connection c) {
    readOn.add(c);
    return stored;
  }

  private static Connection connection(AtomicInteger closes) {
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
          switch (m.getName()) {
            case "close" -> closes.incrementAndGet();
            case "equals" -> {
              return p == a[0];
            }
            case "hashCode" -> {
              return System.identityHashCode(p);
            }
            case "toString" -> {
              return "connection " + System.identityHashCode(p);
            }
            default -> throw new UnsupportedOperationException(m.getName());
          }
          return null;
        });
  }

  @Test
  void theFirstCountIsReadOnTheSearchConnectionAndKeptAMinute() throws SQLException {
    assertThat(counts.get(searchConnection, "owner", this::read)).isEqualTo(50_000);
    stored = 50_001;
    now += MINUTE - 1;

    assertThat(counts.get(searchConnection, "owner", this::read)).isEqualTo(50_000);
    assertThat(readOn).containsExactly(searchConnection);
    assertThat(scheduled).isEmpty();
  }

  @Test
  void aCountOlderThanAMinuteIsServedWhileOneReadOffTheSearchReplacesIt() throws SQLException {
    counts.get(searchConnection, "owner", this::read);
    stored = 50_001;
    now += MINUTE;

    assertThat(counts.get(searchConnection, "owner", this::read)).isEqualTo(50_000);
    assertThat(counts.get(searchConnection, "owner", this::read)).isEqualTo(50_000);
    assertThat(readOn).containsExactly(searchConnection);
    assertThat(scheduled).hasSize(1);

    scheduled.getFirst().run();

    assertThat(readOn).hasSize(2);
    assertThat(readOn.get(1)).isNotSameAs(searchConnection).isSameAs(handedOut.getFirst());
    assertThat(closed).hasValue(1);
    assertThat(counts.get(searchConnection, "owner", this::read)).isEqualTo(50_001);
    now += MINUTE - 1;
    assertThat(counts.get(searchConnection, "owner", this::read)).isEqualTo(50_001);
    assertThat(scheduled).hasSize(1);
  }

  @Test
  void aSmallCountOlderThanAMinuteIsReadAgainInTheSearch() throws SQLException {
    stored = 0; // a user who searched before uploading
    counts.get(searchConnection, "owner", this::read);
    stored = MinuteCounts.READ_AHEAD_FROM - 1;
    now += MINUTE;

    assertThat(counts.get(searchConnection, "owner", this::read))
        .isEqualTo(MinuteCounts.READ_AHEAD_FROM - 1);
    assertThat(readOn).containsExactly(searchConnection, searchConnection);
    assertThat(scheduled).isEmpty();
  }

  @Test
  void eachKeyIsKeptAndRefreshedOnItsOwn() throws SQLException {
    counts.get(searchConnection, "owner", this::read);
    now += MINUTE / 2;
    stored = 60_000;
    assertThat(counts.get(searchConnection, "table", this::read)).isEqualTo(60_000);
    now += MINUTE / 2;

    assertThat(counts.get(searchConnection, "table", this::read)).isEqualTo(60_000);
    assertThat(scheduled).isEmpty();
    assertThat(counts.get(searchConnection, "owner", this::read)).isEqualTo(50_000);
    assertThat(scheduled).hasSize(1);
  }

  @Test
  void aRefreshThatFailsKeepsTheCountAnotherMinute() throws SQLException {
    counts.get(searchConnection, "owner", this::read);
    now += MINUTE;
    counts.get(searchConnection, "owner", this::read);
    databaseDown = true;

    scheduled.getFirst().run();

    assertThat(counts.get(searchConnection, "owner", this::read)).isEqualTo(50_000);
    assertThat(scheduled).hasSize(1);
    databaseDown = false;
    stored = 50_002;
    now += MINUTE;
    assertThat(counts.get(searchConnection, "owner", this::read)).isEqualTo(50_000);
    scheduled.get(1).run();
    assertThat(counts.get(searchConnection, "owner", this::read)).isEqualTo(50_002);
  }

  @Test
  void aCountThatCannotBeReadTheFirstTimeFailsTheSearch() {
    assertThatThrownBy(() -> counts.get(searchConnection, "owner", c -> {
          throw new SQLException("canceling statement due to statement timeout");
        }))
        .isInstanceOf(SQLException.class);
    assertThat(scheduled).isEmpty();
  }

  @Test
  void byDefaultARefreshRunsOnAThreadOfItsOwn() throws Exception {
    MinuteCounts threaded = new MinuteCounts(source, () -> now);
    threaded.get(searchConnection, "owner", this::read);
    now += MINUTE;
    CompletableFuture<Thread> readBy = new CompletableFuture<>();

    assertThat(threaded.get(searchConnection, "owner", c -> {
          readBy.complete(Thread.currentThread());
          return 50_004;
        }))
        .isEqualTo(50_000);

    assertThat(readBy.get(5, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
  }
}
