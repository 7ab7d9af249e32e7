package io.khoj4j.application.service.web;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.tools.PageReaders;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebScraperRepository;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The page reader chat uses: the scrapers the administrator configured, in priority order, when there are any;
 * otherwise the readers the environment configured (Khoj's variables). Read at each use, so a change through the
 * admin API applies to the next page read on every replica. A scraper whose key this server cannot open (sealed under
 * another server key) is skipped with a warning rather than failing the turn.
 */
public final class ConfiguredWebReader implements WebReader {

  private static final Logger LOG = System.getLogger(ConfiguredWebReader.class.getName());

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
    List<PageReaders.Configured> usable = new ArrayList<>();
    for (WebScraperRepository.Stored stored : configured) {
      try {
        usable.add(new PageReaders.Configured(stored.scraper(), stored.key().map(secrets::open)));
      } catch (IllegalStateException unreadable) {
        LOG.log(
            Level.WARNING,
            "Web scraper {0} is skipped: its key was sealed with another server key ({1})",
            stored.scraper().name(),
            unreadable.getMessage());
      }
    }
    if (usable.isEmpty()) {
      throw new UpstreamFailureException(
          "no configured web scraper can be used: their keys were sealed with another server key",
          false,
          null);
    }
    return readers.inOrder(usable).read(url);
  }
}
