package io.khoj4j.application.port.out.memory;

import io.khoj4j.domain.memory.Memory;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public final class InMemoryMemoryRepository implements MemoryRepository {

  private record Row(Memory memory, float[] vector, String model) {}

  private final Map<Long, Row> rows = new ConcurrentHashMap<>();
  private final Map<UserId, Boolean> switches = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  @Override
  public List<Memory> list(UserId owner) {
    return rows.values().stream()
        .map(Row::memory)
        .filter(m -> m.owner().equals(owner))
        .sorted(
            Comparator.comparing(Memory::createdAt).thenComparing(Memory::id).reversed())
        .toList();
  }

  @Override
  public Optional<Memory> find(UserId owner, long id) {
    return Optional.ofNullable(rows.get(id))
        .map(Row::memory)
        .filter(m -> m.owner().equals(owner));
  }

  @Override
  public Memory insert(UserId owner, String raw, float[] embedding, String model, Instant at) {
    Memory m = new Memory(ids.incrementAndGet(), owner, raw, at);
    rows.put(m.id(), new Row(m, embedding.clone(), model));
    return m;
  }

  @Override
  public boolean delete(UserId owner, long id) {
    return find(owner, id).isPresent() && rows.remove(id) != null;
  }

  @Override
  public List<Memory> nearest(
      UserId owner, float[] query, String model, int limit, double maxDistance) {
    return rows.values().stream()
        .filter(r -> r.memory().owner().equals(owner) && r.model().equals(model))
        .filter(r -> distance(r.vector(), query) <= maxDistance)
        .sorted(Comparator.comparingDouble((Row r) -> distance(r.vector(), query))
            .thenComparing(r -> r.memory().id()))
        .limit(limit)
        .map(Row::memory)
        .toList();
  }

  private static double distance(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return 1 - dot / Math.sqrt(na * nb);
  }

  @Override
  public Optional<Boolean> switchOf(UserId owner) {
    return Optional.ofNullable(switches.get(owner));
  }

  @Override
  public void setSwitch(UserId owner, boolean enabled, Instant at) {
    switches.put(owner, enabled);
  }
}
