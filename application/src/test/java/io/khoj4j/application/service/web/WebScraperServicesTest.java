package io.khoj4j.application.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.ConflictException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.web.ConfigureWebScrapersCommand;
import io.khoj4j.application.port.in.web.ListWebScrapersQuery;
import io.khoj4j.application.port.in.web.ListWebScrapersUseCase;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.InMemorySecretBox;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.application.port.out.tools.InMemoryWebReader;
import io.khoj4j.application.port.out.tools.InMemoryWebScraperRepository;
import io.khoj4j.application.port.out.tools.PageReaders;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebScraperRepository;
import io.khoj4j.domain.web.WebScraper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Administrators' page readers: stored with sealed keys in priority order, and read in that order by chat. */
class WebScraperServicesTest {

  private final InMemoryWebScraperRepository repository = new InMemoryWebScraperRepository();
  private final InMemorySecretBox secrets = new InMemorySecretBox();
  private final ConfigureWebScrapersService configure = new ConfigureWebScrapersService(
      repository, secrets, new DirectUnitOfWork(), new SequentialIdGenerator());
  private final ListWebScrapersService list = new ListWebScrapersService(repository);

  private UUID save(String name, WebScraper.Kind kind, String key, Integer priority) {
    return configure.configure(new ConfigureWebScrapersCommand.Save(
        Optional.empty(),
        name,
        kind,
        Optional.ofNullable(key),
        Optional.empty(),
        Optional.ofNullable(priority)));
  }

  @Test
  void aNewScraperGoesAfterTheOthersAndItsKeyIsSealed() {
    save("firecrawl", WebScraper.Kind.FIRECRAWL, "fc-key", 5);
    save("direct", WebScraper.Kind.DIRECT, null, null);

    assertThat(list.list(new ListWebScrapersQuery()))
        .extracting(
            l -> l.scraper().name(),
            l -> l.scraper().priority(),
            ListWebScrapersUseCase.Listed::hasApiKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("firecrawl", 5, true),
            org.assertj.core.groups.Tuple.tuple("direct", 6, false));
    WebScraperRepository.Stored stored = repository.all().getFirst();
    assertThat(stored.key()).isPresent();
    assertThat(stored.key().get().value()).doesNotContain("fc-key");
    assertThat(secrets.open(stored.key().get())).isEqualTo("fc-key");
  }

  @Test
  void aVendorWithoutAKeyANameOrPriorityTakenAndAnUnknownIdAreRefused() {
    save("exa", WebScraper.Kind.EXA, "k", 1);

    assertThatThrownBy(() -> save("olostep", WebScraper.Kind.OLOSTEP, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs an API key");
    assertThatThrownBy(() -> save("exa", WebScraper.Kind.DIRECT, null, null))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> save("other", WebScraper.Kind.DIRECT, null, 1))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("priority 1");
    assertThatThrownBy(() -> save(" ", WebScraper.Kind.DIRECT, null, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> configure.configure(new ConfigureWebScrapersCommand.Save(
            Optional.empty(),
            "ftp",
            WebScraper.Kind.FIRECRAWL,
            Optional.of("k"),
            Optional.of(URI.create("ftp://files.example")),
            Optional.empty())))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> configure.configure(new ConfigureWebScrapersCommand.Delete(UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
    assertThat(repository.all()).hasSize(1);
  }

  @Test
  void changingAScraperWithoutAKeyKeepsItsKeyAndPriority() {
    UUID id = save("exa", WebScraper.Kind.EXA, "k1", 3);

    configure.configure(new ConfigureWebScrapersCommand.Save(
        Optional.of(id),
        "exa contents",
        WebScraper.Kind.EXA,
        Optional.empty(),
        Optional.of(URI.create("https://exa.internal")),
        Optional.empty()));

    WebScraperRepository.Stored stored = repository.byId(id).orElseThrow();
    assertThat(stored.scraper().name()).isEqualTo("exa contents");
    assertThat(stored.scraper().priority()).isEqualTo(3);
    assertThat(stored.scraper().apiUrl()).contains(URI.create("https://exa.internal"));
    assertThat(secrets.open(stored.key().orElseThrow())).isEqualTo("k1");
  }

  /** Records the scrapers each read was built from. */
  private static final class RecordingReaders implements PageReaders {
    final List<List<Configured>> chains = new ArrayList<>();

    @Override
    public WebReader inOrder(List<Configured> scrapers) {
      chains.add(scrapers);
      return new InMemoryWebReader().page("https://tea.example/", "from the configured chain");
    }
  }

  @Test
  void chatReadsWithTheConfiguredScrapersInOrderAndFallsBackToTheEnvironmentsWithoutAny() {
    RecordingReaders readers = new RecordingReaders();
    InMemoryWebReader environment =
        new InMemoryWebReader().page("https://tea.example/", "from the environment");
    ConfiguredWebReader reader = new ConfiguredWebReader(repository, secrets, readers, environment);

    assertThat(reader.read(URI.create("https://tea.example/")).text())
        .isEqualTo("from the environment");

    save("direct", WebScraper.Kind.DIRECT, null, 2);
    save("olostep", WebScraper.Kind.OLOSTEP, "olo-key", 1);
    assertThat(reader.read(URI.create("https://tea.example/")).text())
        .isEqualTo("from the configured chain");
    assertThat(readers.chains.getLast())
        .extracting(c -> c.scraper().name(), PageReaders.Configured::apiKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("olostep", Optional.of("olo-key")),
            org.assertj.core.groups.Tuple.tuple("direct", Optional.empty()));
    assertThat(environment.reads()).hasSize(1);
  }

  @Test
  void aScraperWhoseKeyCannotBeOpenedIsSkippedAndWithoutAnyOtherTheReadFailsCleanly() {
    RecordingReaders readers = new RecordingReaders();
    ConfiguredWebReader reader =
        new ConfiguredWebReader(repository, secrets, readers, WebReader.NOT_CONFIGURED);
    repository.save(
        new WebScraper(UUID.randomUUID(), "exa", WebScraper.Kind.EXA, Optional.empty(), 1),
        Optional.of(new io.khoj4j.application.port.out.shared.SealedSecret("sealed elsewhere")));

    assertThatThrownBy(() -> reader.read(URI.create("https://tea.example/")))
        .isInstanceOf(io.khoj4j.application.error.UpstreamFailureException.class)
        .hasMessageContaining("another server key");

    save("direct", WebScraper.Kind.DIRECT, null, 2);
    assertThat(reader.read(URI.create("https://tea.example/")).text())
        .isEqualTo("from the configured chain");
    assertThat(readers.chains.getLast())
        .extracting(c -> c.scraper().name())
        .containsExactly("direct");
  }
}
