package io.khoj4j.application.port.in.web;

import java.util.UUID;

/** Administrators add, change and remove the page readers chat uses, in priority order. */
public interface ConfigureWebScrapersUseCase {

  /**
   * @return the scraper saved or deleted
   * @throws io.khoj4j.application.error.InvalidInputException when a vendor scraper has no key, or a value is invalid
   * @throws io.khoj4j.application.error.ConflictException when the name or priority is another scraper's
   * @throws io.khoj4j.application.error.NotFoundException when the scraper to change or delete does not exist
   */
  UUID configure(ConfigureWebScrapersCommand command);
}
