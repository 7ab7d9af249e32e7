package io.khoj4j.application.port.out.tools;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.web.WebScraper;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The page readers the administrator configured, with their sealed API keys. */
public interface WebScraperRepository {

  /** A scraper with its key, sealed; empty when it has none. */
  record Stored(WebScraper scraper, Optional<SealedSecret> key) {
    public Stored {
      Objects.requireNonNull(scraper, "scraper");
      key = key == null ? Optional.empty() : key;
    }
  }

  /** All of them, lowest priority number first. */
  List<Stored> all();

  Optional<Stored> byId(UUID id);

  Optional<WebScraper> byName(String name);

  Optional<WebScraper> byPriority(int priority);

  /** Inserts or replaces the scraper by id; {@code key} empty keeps the stored key. */
  void save(WebScraper scraper, Optional<SealedSecret> key);

  boolean delete(UUID id);
}
