package io.khoj4j.application.service.web;

import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.tools.PageReaders;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebScraperRepository;
import java.net.URI;
import java.util.List;

/**
 * The page reader chat uses: the scrapers the administrator configured, in priority order, when there are any;
 * otherwise the readers the environment configured (Khoj's variables). Read at each use, so a change through the
 * admin API applies to the next page read on every replica.
 */
public final class ConfiguredWebReader implements WebReader {

  private final WebScraperRepository repository;
  private final SecretBox secrets;
  private final PageReaders readers;
  private final WebReader fromEnvironment;

  public ConfiguredWebReader(
      WebScraperRepository repository,
      SecretBox secrets,
      PageReaders readers,
      WebReader fromEnvironment) {
    this.repository = repository;
    this.secrets = secrets;
    this.readers = readers;
    this.fromEnvironment = fromEnvironment;
  }

  @Override
  public boolean available() {
    return !repository.all().isEmpty() || fromEnvironment.available();
  }

  @Override
  public Page read(URI url) {
    List<WebScraperRepository.Stored> configured = repository.all();
    if (configured.isEmpty()) {
      return fromEnvironment.read(url);
    }
    return readers
        .inOrder(configured.stream()
            .map(s -> new PageReaders.Configured(s.scraper(), s.key().map(secrets::open)))
            .toList())
        .read(url);
  }
}
