package io.khoj4j.application.port.out.tools;

import io.khoj4j.domain.web.WebScraper;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the page reader for the scrapers an administrator configured: each vendor (or direct reading) in the order
 * given, the first that gives text winning, with the same address checks as every reader (ADR 21).
 */
public interface PageReaders {

  /** A scraper as a reader needs it: with its key opened. */
  record Configured(WebScraper scraper, Optional<String> apiKey) {
    public Configured {
      Objects.requireNonNull(scraper, "scraper");
      apiKey = apiKey == null ? Optional.empty() : apiKey;
    }
  }

  WebReader inOrder(List<Configured> scrapers);
}
