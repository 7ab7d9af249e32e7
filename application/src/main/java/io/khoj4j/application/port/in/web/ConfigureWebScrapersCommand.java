package io.khoj4j.application.port.in.web;

import io.khoj4j.domain.web.WebScraper;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An administrator's change to the configured page readers. */
public sealed interface ConfigureWebScrapersCommand {

  /**
   * Creates ({@code id} empty) or replaces a scraper. {@code apiKey} empty keeps a stored key; {@code priority} empty
   * puts a new scraper after the others and keeps an existing one's.
   */
  record Save(
      Optional<UUID> id,
      String name,
      WebScraper.Kind kind,
      Optional<String> apiKey,
      Optional<URI> apiUrl,
      Optional<Integer> priority)
      implements ConfigureWebScrapersCommand {
    public Save {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      apiKey = apiKey == null ? Optional.empty() : apiKey.filter(k -> !k.isBlank());
      apiUrl = apiUrl == null ? Optional.empty() : apiUrl;
      priority = priority == null ? Optional.empty() : priority;
    }
  }

  record Delete(UUID id) implements ConfigureWebScrapersCommand {
    public Delete {
      Objects.requireNonNull(id, "id");
    }
  }
}
