package io.khoj4j.application.port.out.tools;

class InMemoryWebScraperRepositoryTest extends WebScraperRepositoryContract {

  private final InMemoryWebScraperRepository repository = new InMemoryWebScraperRepository();

  @Override
  protected WebScraperRepository repository() {
    return repository;
  }

  @Override
  protected void clear() {
    repository.clear();
  }
}
