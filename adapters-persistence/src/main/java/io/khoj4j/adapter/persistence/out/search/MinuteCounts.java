package io.khoj4j.adapter.persistence.out.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Counts read from the database and kept a minute each: the rankers ask for the same owner's size on every search,
 * and a size a minute old ranks as well. Only the first read of a key is made by a search, on its connection; once a
 * count is older than a minute, the search that finds it so still gets it, and one read on a connection of its own,
 * off the search's thread, replaces it. Counting an owner of a million entries takes a tenth of a second, which a
 * search a minute would otherwise pay. Forgets everything past {@value #MAX_KEYS} keys.
 */
final class MinuteCounts {

  private static final System.Logger LOG = System.getLogger(MinuteCounts.class.getName());
  private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final int MAX_KEYS = 10_000;

  /** Reads one count on the connection given. */
  interface Count {
    long read(Connection c) throws SQLException;
  }

  /** A count, when it was read, and whether a newer one is being read. */
  private record Kept(long value, long readAt, boolean refreshing) {}

  private final Map<Object, Kept> counts = new ConcurrentHashMap<>();
  private final DataSource source;
  private final LongSupplier nanoTime;
  private final Executor refresher;

  /** Stale counts are read again on a virtual thread, on a connection of {@code source}. */
  MinuteCounts(DataSource source) {
    this(source, System::nanoTime);
  }

  MinuteCounts(DataSource source, LongSupplier nanoTime) {
    this(source, nanoTime, task -> Thread.ofVirtual().name("entry-counts").start(task));
  }

  MinuteCounts(DataSource source, LongSupplier nanoTime, Executor refresher) {
    this.source = source;
    this.nanoTime = nanoTime;
    this.refresher = refresher;
  }

  /**
   * The count kept for {@code key}. Read by {@code count} on {@code c} when there is none; when older than a minute,
   * returned as it is while one read on another connection replaces it.
   */
  long get(Connection c, Object key, Count count) throws SQLException {
    Kept known = counts.get(key);
    if (known == null) {
      long value = count.read(c);
      if (counts.size() > MAX_KEYS) {
        counts.clear();
      }
      counts.put(key, new Kept(value, nanoTime.getAsLong(), false));
      return value;
    }
    if (nanoTime.getAsLong() - known.readAt() >= TTL_NANOS
        && !known.refreshing()
        && counts.replace(key, known, new Kept(known.value(), known.readAt(), true))) {
      refresher.execute(() -> refresh(key, known, count));
    }
    return known.value();
  }

  private void refresh(Object key, Kept stale, Count count) {
    long value = stale.value();
    try (Connection own = source.getConnection()) {
      value = count.read(own);
    } catch (SQLException | RuntimeException e) {
      // the stale count serves another minute; searches on this database fail on their own
      LOG.log(
          System.Logger.Level.WARNING,
          "Could not count entries again ({0}); keeping the count of a minute ago",
          e.getMessage());
    }
    counts.put(key, new Kept(value, nanoTime.getAsLong(), false));
  }
}
