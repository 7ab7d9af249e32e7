package io.khoj4j.adapter.persistence.out.web;

import io.khoj4j.application.port.out.tools.WebScraperRepository;
import io.khoj4j.application.port.out.tools.WebScraperRepositoryContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;

@QuarkusTest
class PgWebScraperRepositoryIT extends WebScraperRepositoryContract {

  @Inject
  PgWebScraperRepository repository;

  @Inject
  DataSource dataSource;

  @Override
  protected WebScraperRepository repository() {
    return repository;
  }

  @Override
  protected void clear() {
    try (var c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.executeUpdate("delete from web_scrapers");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
