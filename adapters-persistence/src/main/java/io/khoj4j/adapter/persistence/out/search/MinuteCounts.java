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
 * and a size a minute old ranks as well. A search reads a count on its own connection when there is none, or when
 * the one kept is older than a minute and small (under {@value #READ_AHEAD_FROM}: it is then quick to read again, and a
 * collection that small may have just been filled). A large count older than a minute is still returned, while one
 * read on a connection of its own, off the search's thread, replaces it: counting an owner of a million entries takes
 * 50 to 80 ms a count, which a search a minute would otherwise pay (ADR 36, item 12). Forgets everything past
 * {@value #MAX_KEYS} keys.
 */
final class MinuteCounts {

  private static final System.Logger LOG = System.getLogger(MinuteCounts.class.getName());
  private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final int MAX_KEYS = 10_000;

  /** The smallest count read again off the search's thread; a smaller one is read again in the search. */
  static final long READ_AHEAD_FROM = 10_000;

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
   * The count kept for {@code key}. Read by {@code count} on {@code c} when there is none, or when it is older than a
   * minute and under {@link #READ_AHEAD_FROM}; a larger one older than a minute is returned as it is while one read on
   * another connection replaces it.
   */
  long get(Connection c, Object key, Count count) throws SQLException {
    Kept known = counts.get(key);
    boolean stale = known != null && nanoTime.getAsLong() - known.readAt() >= TTL_NANOS;
    if (known == null || (stale && known.value() < READ_AHEAD_FROM)) {
      long value = count.read(c);
      if (counts.size() > MAX_KEYS) {
        counts.clear();
      }
      counts.put(key, new Kept(value, nanoTime.getAsLong(), false));
      return value;
    }
    if (stale
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
