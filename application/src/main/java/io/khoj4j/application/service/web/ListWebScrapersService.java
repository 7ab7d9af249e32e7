package io.khoj4j.application.service.web;

import io.khoj4j.application.port.in.web.ListWebScrapersQuery;
import io.khoj4j.application.port.in.web.ListWebScrapersUseCase;
import io.khoj4j.application.port.out.tools.WebScraperRepository;
import java.util.List;

/** The configured page readers in priority order, with whether each has a key (never the key). */
public final class ListWebScrapersService implements ListWebScrapersUseCase {

  private final WebScraperRepository repository;

  public ListWebScrapersService(WebScraperRepository repository) {
    this.repository = repository;
  }

  @Override
  public List<Listed> list(ListWebScrapersQuery query) {
    return repository.all().stream()
        .map(s -> new Listed(s.scraper(), s.key().isPresent()))
        .toList();
  }
}
