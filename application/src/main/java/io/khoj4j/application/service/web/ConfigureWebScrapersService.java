package io.khoj4j.application.service.web;

import io.khoj4j.application.error.ConflictException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.web.ConfigureWebScrapersCommand;
import io.khoj4j.application.port.in.web.ConfigureWebScrapersUseCase;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.tools.WebScraperRepository;
import io.khoj4j.domain.web.WebScraper;
import java.util.Optional;
import java.util.UUID;

/**
 * Administrators manage the page readers, as Khoj's web-scraper settings: unique names and priorities (a new one goes
 * after the others unless given one), a vendor's key sealed by the {@link SecretBox} before it is stored and never
 * shown again, and no vendor scraper without a key.
 */
public final class ConfigureWebScrapersService implements ConfigureWebScrapersUseCase {

  private final WebScraperRepository repository;
  private final SecretBox secrets;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;

  public ConfigureWebScrapersService(
      WebScraperRepository repository, SecretBox secrets, UnitOfWork unitOfWork, IdGenerator ids) {
    this.repository = repository;
    this.secrets = secrets;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
  }

  @Override
  public UUID configure(ConfigureWebScrapersCommand command) {
    return unitOfWork.inTransaction(() -> switch (command) {
      case ConfigureWebScrapersCommand.Save save -> save(save);
      case ConfigureWebScrapersCommand.Delete delete -> {
        if (!repository.delete(delete.id())) {
          throw new NotFoundException("Web scraper not found");
        }
        yield delete.id();
      }
    });
  }

  private UUID save(ConfigureWebScrapersCommand.Save save) {
    Optional<WebScraperRepository.Stored> existing = save.id().flatMap(repository::byId);
    if (save.id().isPresent() && existing.isEmpty()) {
      throw new NotFoundException("Web scraper not found");
    }
    UUID id = save.id().orElseGet(ids::newId);
    int priority = save.priority()
        .or(() -> existing.map(e -> e.scraper().priority()))
        .orElseGet(this::afterTheOthers);
    WebScraper scraper;
    try {
      scraper = new WebScraper(id, save.name(), save.kind(), save.apiUrl(), priority);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    repository.byName(scraper.name()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
      throw new ConflictException("A web scraper named " + scraper.name() + " already exists");
    });
    repository.byPriority(priority).filter(other -> !other.id().equals(id)).ifPresent(other -> {
      throw new ConflictException(
          "Web scraper " + other.name() + " already has priority " + priority);
    });
    boolean hasKey = save.apiKey().isPresent() || existing.flatMap(e -> e.key()).isPresent();
    if (scraper.kind().needsKey() && !hasKey) {
      throw new InvalidInputException(
          "A " + scraper.kind().wireName() + " web scraper needs an API key");
    }
    Optional<SealedSecret> key = save.apiKey().map(secrets::seal);
    repository.save(scraper, key);
    return id;
  }

  private int afterTheOthers() {
    return repository.all().stream()
        .mapToInt(s -> s.scraper().priority() + 1)
        .max()
        .orElse(1);
  }
}
