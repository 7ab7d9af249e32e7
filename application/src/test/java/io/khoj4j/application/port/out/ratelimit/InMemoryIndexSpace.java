package io.khoj4j.application.port.out.ratelimit;

import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Fake of {@link IndexSpace}: what the entry repository holds plus reservations kept in memory, under one lock. */
public final class InMemoryIndexSpace implements IndexSpace {

  private record Reservation(UserId owner, long bytes, Instant at) {}

  private final EntryRepository entries;
  private final Clock clock;
  private final Map<String, Reservation> reservations = new HashMap<>();

  public InMemoryIndexSpace(EntryRepository entries, Clock clock) {
    this.entries = entries;
    this.clock = clock;
  }

  @Override
  public synchronized boolean tryReserve(UserId owner, String uploadId, long bytes, long capacity) {
    Instant fresh = clock.instant().minus(STALE_AFTER);
    long reserved = reservations.values().stream()
        .filter(r -> r.owner().equals(owner) && r.at().isAfter(fresh))
        .mapToLong(Reservation::bytes)
        .sum();
    if (entries.indexedBytes(owner) + reserved + bytes >= capacity) {
      return false;
    }
    reservations.put(
        owner.value() + "/" + uploadId, new Reservation(owner, bytes, clock.instant()));
    return true;
  }

  @Override
  public synchronized void release(UserId owner, String uploadId) {
    reservations.remove(owner.value() + "/" + uploadId);
  }

  @Override
  public synchronized int purgeBefore(Instant cutoff) {
    int before = reservations.size();
    reservations.values().removeIf(r -> r.at().isBefore(cutoff));
    return before - reservations.size();
  }
}
