package io.khoj4j.application.service.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.in.content.DeleteContentCommand;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.connector.InMemoryConnectorRepository;
import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.application.port.out.content.InMemoryRefusedFileRepository;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting a connector's content also forgets what the connector indexed of it, so the next sync reads it again:
 * otherwise it stayed missing until it changed upstream.
 */
class DeleteContentServiceConnectorsTest {

  private static final String README = "https://github.com/octo/notes/blob/main/README.md";
  private static final String GUIDE = "https://github.com/octo/notes/blob/main/guide.md";
  private static final String PAGE = "https://www.notion.so/Trip-598337872cf94fdf8782e53db20768a5";

  private final InMemoryConnectorRepository connectors = new InMemoryConnectorRepository();
  private final DeleteContentService service = new DeleteContentService(
      new InMemoryEntryRepository(),
      new InMemoryRefusedFileRepository(),
      new DirectUnitOfWork(),
      Optional.of(connectors));
  private final UserId alice = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());

  private void indexed() {
    for (UserId owner : List.of(alice, bob)) {
      connectors.saveGithub(
          owner, new ConnectorRepository.GithubSettings(Optional.empty(), List.of()));
      connectors.saveNotion(owner, Optional.empty());
      connectors.saveVersions(owner, ContentSource.GITHUB, Map.of(README, "a1", GUIDE, "b1"));
      connectors.saveVersions(owner, ContentSource.NOTION, Map.of(PAGE, "2026-11-30T10:00:00Z"));
    }
  }

  @Test
  void aDeletedConnectorFileIsForgottenByItsConnector() {
    indexed();

    service.delete(
        new DeleteContentCommand(alice, new DeleteContentCommand.Files(List.of(README))));

    assertThat(connectors.versions(alice, ContentSource.GITHUB)).containsOnlyKeys(GUIDE);
    assertThat(connectors.versions(alice, ContentSource.NOTION)).containsOnlyKeys(PAGE);
    assertThat(connectors.versions(bob, ContentSource.GITHUB)).containsOnlyKeys(README, GUIDE);
  }

  @Test
  void aDeletedTypeOrEverythingIsForgottenAndTheSettingsStay() {
    indexed();

    service.delete(new DeleteContentCommand(
        alice, new DeleteContentCommand.Type(Optional.of(ContentType.GITHUB))));
    assertThat(connectors.versions(alice, ContentSource.GITHUB)).isEmpty();
    assertThat(connectors.versions(alice, ContentSource.NOTION)).containsOnlyKeys(PAGE);

    service.delete(
        new DeleteContentCommand(alice, new DeleteContentCommand.Type(Optional.empty())));
    assertThat(connectors.versions(alice, ContentSource.NOTION)).isEmpty();
    assertThat(connectors.versions(bob, ContentSource.NOTION)).containsOnlyKeys(PAGE);
  }
}
