package io.khoj4j.adapter.persistence.out.search;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts read from the database and kept a minute each: the rankers ask for the same owner's size on every search,
 * and a size a minute old ranks as well. Forgets everything past {@value #MAX_KEYS} keys.
 */
final class MinuteCounts {

  private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final int MAX_KEYS = 10_000;

  /** Reads one count. */
  interface Count {
    long read() throws SQLException;
  }

  /** The value and when it was read, by key. */
  private final Map<Object, long[]> counts = new ConcurrentHashMap<>();

  /** The count kept for {@code key}, read again by {@code count} when absent or older than a minute. */
  long get(Object key, Count count) throws SQLException {
    long[] known = counts.get(key);
    if (known != null && System.nanoTime() - known[1] < TTL_NANOS) {
      return known[0];
    }
    long value = count.read();
    if (counts.size() > MAX_KEYS) {
      counts.clear();
    }
    counts.put(key, new long[] {value, System.nanoTime()});
    return value;
  }
}
