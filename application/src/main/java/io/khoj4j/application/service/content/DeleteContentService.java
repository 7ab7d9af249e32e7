package io.khoj4j.application.service.content;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.content.DeleteContentCommand;
import io.khoj4j.application.port.in.content.DeleteContentUseCase;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Deleting a user's indexed content: a file (or its refusal), several files, a type, everything, or a source. Each
 * deletion is one transaction.
 */
public final class DeleteContentService implements DeleteContentUseCase {

  private final EntryRepository entries;
  private final RefusedFileRepository refused;
  private final UnitOfWork unitOfWork;

  private final Optional<ConnectorRepository> connectors;

  public DeleteContentService(
      EntryRepository entries, RefusedFileRepository refused, UnitOfWork unitOfWork) {
    this(entries, refused, unitOfWork, Optional.empty());
  }

  /** With connectors, deleting the GitHub or Notion source also removes its settings, as Khoj does. */
  public DeleteContentService(
      EntryRepository entries,
      RefusedFileRepository refused,
      UnitOfWork unitOfWork,
      Optional<ConnectorRepository> connectors) {
    this.entries = entries;
    this.refused = refused;
    this.unitOfWork = unitOfWork;
    this.connectors = connectors;
  }

  @Override
  public int delete(DeleteContentCommand command) {
    var owner = command.owner();
    return switch (command.target()) {
      case DeleteContentCommand.File f -> {
        if (!entries.hasFile(owner, f.name())
            && entries.hashesOf(owner, f.name()).isEmpty()) {
          // a file only listed as refused: deleting it clears the refusal; anything else is unknown
          if (unitOfWork.inTransaction(() -> refused.forget(owner, List.of(f.name()))) == 0) {
            throw new NotFoundException("File not found");
          }
          yield 0;
        }
        yield deleteFile(owner, f.name());
      }
      case DeleteContentCommand.Files fs ->
        fs.names().stream().mapToInt(name -> deleteFile(owner, name)).sum();
      case DeleteContentCommand.Type t ->
        unitOfWork.inTransaction(() -> {
          if (t.type().isPresent()) {
            sourceOf(t.type().get()).ifPresent(source -> forgetVersions(owner, source));
            return entries.deleteType(owner, t.type().get());
          }
          refused.forgetAll(owner);
          forgetVersions(owner, ContentSource.GITHUB);
          forgetVersions(owner, ContentSource.NOTION);
          return entries.deleteAll(owner);
        });
      case DeleteContentCommand.Source s ->
        unitOfWork.inTransaction(() -> {
          connectors.ifPresent(c -> c.deleteConnector(owner, s.source()));
          return entries.deleteSource(owner, s.source());
        });
    };
  }

  private int deleteFile(UserId owner, String name) {
    return unitOfWork.inTransaction(() -> {
      entries.lockFile(owner, name);
      refused.forget(owner, List.of(name));
      // a connector's file (named by its URL) is read again on the next sync; a computer's file has
      // no version
      if (name.startsWith("https://")) {
        connectors.ifPresent(c -> {
          c.deleteVersions(owner, ContentSource.GITHUB, List.of(name));
          c.deleteVersions(owner, ContentSource.NOTION, List.of(name));
        });
      }
      return entries.deleteFile(owner, name);
    });
  }

  /**
   * The connector forgets what it indexed of this source, so its next sync reads every file again: content deleted
   * here would otherwise stay missing until it changed upstream (the settings stay).
   */
  private void forgetVersions(UserId owner, ContentSource source) {
    connectors.ifPresent(
        c -> c.deleteVersions(owner, source, c.versions(owner, source).keySet()));
  }

  private static Optional<ContentSource> sourceOf(ContentType type) {
    return switch (type) {
      case GITHUB -> Optional.of(ContentSource.GITHUB);
      case NOTION -> Optional.of(ContentSource.NOTION);
      default -> Optional.empty();
    };
  }
}
