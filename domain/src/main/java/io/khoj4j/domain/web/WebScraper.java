package io.khoj4j.domain.web;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A page reader the administrator configured, as Khoj's web-scraper setting: a vendor (or reading pages directly),
 * its API address when not the vendor's public one, and its priority — readers are tried from the lowest number up,
 * the first that gives text wins. Its API key is kept apart, sealed.
 */
public record WebScraper(UUID id, String name, Kind kind, Optional<URI> apiUrl, int priority) {

  /** Khoj's scraper types, under the names its admin stores. */
  public enum Kind {
    FIRECRAWL("Firecrawl"),
    OLOSTEP("Olostep"),
    EXA("Exa"),
    DIRECT("Direct");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** By Khoj's name, in any case. */
    public static Optional<Kind> fromWire(String name) {
      if (name == null) {
        return Optional.empty();
      }
      String wanted = name.strip().toLowerCase(Locale.ROOT);
      for (Kind kind : values()) {
        if (kind.wireName.toLowerCase(Locale.ROOT).equals(wanted)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }

    /** Whether this kind calls a vendor that needs an API key. */
    public boolean needsKey() {
      return this != DIRECT;
    }
  }

  public WebScraper {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a web scraper needs a name");
    }
    name = name.strip();
    apiUrl = apiUrl == null ? Optional.empty() : apiUrl;
    apiUrl.ifPresent(WebScraper::checkUrl);
    if (priority < 0) {
      throw new IllegalArgumentException("a priority is zero or more: " + priority);
    }
  }

  private static void checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException("a web scraper's API address must be http(s): " + url);
    }
  }
}
