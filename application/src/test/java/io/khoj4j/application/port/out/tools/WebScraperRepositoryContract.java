package io.khoj4j.application.port.out.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.web.WebScraper;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link WebScraperRepository} promises; the fake and the PostgreSQL adapter both run it. */
public abstract class WebScraperRepositoryContract {

  protected abstract WebScraperRepository repository();

  /** Removes every scraper (the table is the server's, not a user's). */
  protected abstract void clear();

  @BeforeEach
  @AfterEach
  void empty() {
    clear();
  }

  private static WebScraper scraper(String name, WebScraper.Kind kind, int priority) {
    return new WebScraper(UUID.randomUUID(), name, kind, Optional.empty(), priority);
  }

  @Test
  void scrapersComeInPriorityOrderWithTheirSealedKeys() {
    WebScraper olostep = scraper("olostep", WebScraper.Kind.OLOSTEP, 2);
    WebScraper direct = scraper("direct", WebScraper.Kind.DIRECT, 3);
    WebScraper firecrawl = new WebScraper(
        UUID.randomUUID(),
        "firecrawl",
        WebScraper.Kind.FIRECRAWL,
        Optional.of(URI.create("http://firecrawl.internal:3002")),
        1);
    repository().save(olostep, Optional.of(new SealedSecret("sealed-o")));
    repository().save(direct, Optional.empty());
    repository().save(firecrawl, Optional.of(new SealedSecret("sealed-f")));

    assertThat(repository().all())
        .containsExactly(
            new WebScraperRepository.Stored(firecrawl, Optional.of(new SealedSecret("sealed-f"))),
            new WebScraperRepository.Stored(olostep, Optional.of(new SealedSecret("sealed-o"))),
            new WebScraperRepository.Stored(direct, Optional.empty()));
    assertThat(repository().byName("olostep")).contains(olostep);
    assertThat(repository().byPriority(3)).contains(direct);
    assertThat(repository().byPriority(9)).isEmpty();
    assertThat(repository().byId(firecrawl.id()).map(WebScraperRepository.Stored::scraper))
        .contains(firecrawl);
  }

  @Test
  void savingWithoutAKeyKeepsTheStoredKeyAndAnotherKeyReplacesIt() {
    WebScraper exa = scraper("exa", WebScraper.Kind.EXA, 1);
    repository().save(exa, Optional.of(new SealedSecret("sealed-1")));
    WebScraper renamed =
        new WebScraper(exa.id(), "exa search", WebScraper.Kind.EXA, Optional.empty(), 4);
    repository().save(renamed, Optional.empty());

    assertThat(repository().byId(exa.id()))
        .contains(
            new WebScraperRepository.Stored(renamed, Optional.of(new SealedSecret("sealed-1"))));
    assertThat(repository().byName("exa")).isEmpty();

    repository().save(renamed, Optional.of(new SealedSecret("sealed-2")));
    assertThat(repository().byId(exa.id()).flatMap(WebScraperRepository.Stored::key))
        .contains(new SealedSecret("sealed-2"));
  }

  @Test
  void deletingRemovesOnlyThatScraper() {
    WebScraper a = scraper("a", WebScraper.Kind.DIRECT, 1);
    WebScraper b = scraper("b", WebScraper.Kind.DIRECT, 2);
    repository().save(a, Optional.empty());
    repository().save(b, Optional.empty());

    assertThat(repository().delete(a.id())).isTrue();
    assertThat(repository().delete(a.id())).isFalse();
    assertThat(repository().all()).extracting(s -> s.scraper().name()).containsExactly("b");
  }
}
