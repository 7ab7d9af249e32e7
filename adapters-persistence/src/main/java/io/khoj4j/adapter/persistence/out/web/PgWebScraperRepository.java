package io.khoj4j.adapter.persistence.out.web;

import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.tools.WebScraperRepository;
import io.khoj4j.domain.web.WebScraper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The configured page readers in {@code web_scrapers} (V25), keys sealed. */
@ApplicationScoped
public class PgWebScraperRepository implements WebScraperRepository {

  private static final String COLUMNS = "id, name, kind, api_url, priority, api_key_sealed";

  private final Jdbc jdbc;

  public PgWebScraperRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource, "web scraper storage");
  }

  @Override
  public List<Stored> all() {
    return jdbc.list(
        "select " + COLUMNS + " from web_scrapers order by priority", PgWebScraperRepository::row);
  }

  @Override
  public Optional<Stored> byId(UUID id) {
    return jdbc.first(
        "select " + COLUMNS + " from web_scrapers where id = ?", PgWebScraperRepository::row, id);
  }

  @Override
  public Optional<WebScraper> byName(String name) {
    return jdbc.first(
            "select " + COLUMNS + " from web_scrapers where name = ?",
            PgWebScraperRepository::row,
            name)
        .map(Stored::scraper);
  }

  @Override
  public Optional<WebScraper> byPriority(int priority) {
    return jdbc.first(
            "select " + COLUMNS + " from web_scrapers where priority = ?",
            PgWebScraperRepository::row,
            priority)
        .map(Stored::scraper);
  }

  @Override
  public void save(WebScraper scraper, Optional<SealedSecret> key) {
    jdbc.update(
        """
        insert into web_scrapers (id, name, kind, api_url, priority, api_key_sealed, updated_at)
        values (?, ?, ?, ?, ?, ?, now())
        on conflict (id) do update set name = excluded.name, kind = excluded.kind,
          api_url = excluded.api_url, priority = excluded.priority,
          api_key_sealed = coalesce(excluded.api_key_sealed, web_scrapers.api_key_sealed),
          updated_at = now()
        """,
        scraper.id(),
        scraper.name(),
        scraper.kind().name(),
        scraper.apiUrl().map(URI::toString).orElse(null),
        scraper.priority(),
        key.map(SealedSecret::value).orElse(null));
  }

  @Override
  public boolean delete(UUID id) {
    return jdbc.update("delete from web_scrapers where id = ?", id) > 0;
  }

  private static Stored row(ResultSet r) throws SQLException {
    return new Stored(
        new WebScraper(
            r.getObject(1, UUID.class),
            r.getString(2),
            WebScraper.Kind.valueOf(r.getString(3)),
            Optional.ofNullable(r.getString(4)).map(URI::create),
            r.getInt(5)),
        Optional.ofNullable(r.getString(6)).map(SealedSecret::new));
  }
}
