package io.khoj4j.application.port.in.web;

import io.khoj4j.domain.web.WebScraper;
import java.util.List;

/** The configured page readers as administrators see them: never a key, only whether one is set. */
public interface ListWebScrapersUseCase {

  record Listed(WebScraper scraper, boolean hasApiKey) {}

  List<Listed> list(ListWebScrapersQuery query);
}
