package io.khoj4j.application.port.out.tools;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.web.WebScraper;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Web scrapers in memory, for tests. */
public final class InMemoryWebScraperRepository implements WebScraperRepository {

  private final Map<UUID, Stored> byId = new ConcurrentHashMap<>();

  @Override
  public List<Stored> all() {
    return byId.values().stream()
        .sorted(Comparator.comparingInt(s -> s.scraper().priority()))
        .toList();
  }

  @Override
  public Optional<Stored> byId(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<WebScraper> byName(String name) {
    return byId.values().stream()
        .map(Stored::scraper)
        .filter(s -> s.name().equals(name))
        .findFirst();
  }

  @Override
  public Optional<WebScraper> byPriority(int priority) {
    return byId.values().stream()
        .map(Stored::scraper)
        .filter(s -> s.priority() == priority)
        .findFirst();
  }

  @Override
  public synchronized void save(WebScraper scraper, Optional<SealedSecret> key) {
    Optional<SealedSecret> kept = key.or(() -> byId(scraper.id()).flatMap(Stored::key));
    byId.put(scraper.id(), new Stored(scraper, kept));
  }

  @Override
  public boolean delete(UUID id) {
    return byId.remove(id) != null;
  }

  public void clear() {
    byId.clear();
  }
}
