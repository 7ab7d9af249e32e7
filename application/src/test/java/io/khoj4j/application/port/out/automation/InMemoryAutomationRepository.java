package io.khoj4j.application.port.out.automation;

import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.user.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryAutomationRepository implements AutomationRepository {

  private final Map<UUID, Automation> byId = new ConcurrentHashMap<>();

  @Override
  public void insert(Automation automation) {
    if (byId.putIfAbsent(automation.id(), automation) != null) {
      throw new IllegalStateException("duplicate automation " + automation.id());
    }
  }

  @Override
  public boolean update(Automation automation) {
    return byId.computeIfPresent(
            automation.id(), (id, old) -> old.owner().equals(automation.owner()) ? automation : old)
        == automation;
  }

  @Override
  public Optional<Automation> find(UserId owner, UUID id) {
    return Optional.ofNullable(byId.get(id)).filter(a -> a.owner().equals(owner));
  }

  @Override
  public List<Automation> list(UserId owner) {
    return byId.values().stream()
        .filter(a -> a.owner().equals(owner))
        .sorted(Comparator.comparing(Automation::createdAt).thenComparing(Automation::id))
        .toList();
  }

  @Override
  public long count(UserId owner) {
    return list(owner).size();
  }

  @Override
  public boolean delete(UserId owner, UUID id) {
    return find(owner, id).map(a -> byId.remove(id, a)).orElse(false);
  }
}
