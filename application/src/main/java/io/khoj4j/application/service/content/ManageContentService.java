package io.khoj4j.application.service.content;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.content.ContentOverview;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.DeleteContentCommand;
import io.khoj4j.application.port.in.content.DeleteContentUseCase;
import io.khoj4j.application.port.in.content.FilePage;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.content.ContentType;
import java.util.List;
import java.util.Set;

/** Listing, viewing and deleting a user's indexed content. */
public final class ManageContentService implements QueryContentUseCase, DeleteContentUseCase {

  private static final int TRUNCATED_LENGTH = 1000;

  private final EntryRepository entries;
  private final RefusedFileRepository refused;
  private final UnitOfWork unitOfWork;

  private final java.util.Optional<ConnectorRepository> connectors;

  public ManageContentService(EntryRepository entries, RefusedFileRepository refused, UnitOfWork unitOfWork) {
    this(entries, refused, unitOfWork, java.util.Optional.empty());
  }

  /** With connectors, deleting the GitHub or Notion source also removes its settings, as Khoj does. */
  public ManageContentService(EntryRepository entries, RefusedFileRepository refused, UnitOfWork unitOfWork,
      java.util.Optional<ConnectorRepository> connectors) {
    this.entries = entries;
    this.refused = refused;
    this.unitOfWork = unitOfWork;
    this.connectors = connectors;
  }

  @Override
  public Set<ContentType> types(ContentQuery.Types query) {
    return entries.contentTypes(query.owner());
  }

  @Override
  public FilePage files(ContentQuery.Files query) {
    long total = entries.countFiles(query.owner());
    int pages = (int) ((total + query.pageSize() - 1) / query.pageSize());
    List<IndexedFile> files = entries.listFiles(query.owner(), query.page() * query.pageSize(), query.pageSize());
    if (query.truncated()) {
      files = files.stream().map(ManageContentService::truncate).toList();
    }
    return new FilePage(files, pages);
  }

  private static IndexedFile truncate(IndexedFile f) {
    if (f.rawText().length() <= TRUNCATED_LENGTH) {
      return f;
    }
    return new IndexedFile(f.id(), f.owner(), f.name(), f.type(), f.source(),
        f.rawText().substring(0, TRUNCATED_LENGTH), f.sizeBytes(), f.updatedAt());
  }

  @Override
  public IndexedFile file(ContentQuery.File query) {
    return entries.findFile(query.owner(), query.name()).orElseThrow(() -> new NotFoundException("File not found"));
  }

  @Override
  public List<String> sourceFiles(ContentQuery.SourceFiles query) {
    return entries.filePathsOfSource(query.owner(), query.source());
  }

  @Override
  public ContentOverview overview(ContentQuery.Overview query) {
    return new ContentOverview(entries.hasEntries(query.owner()), entries.contentTypes(query.owner()),
        entries.indexedBytes(query.owner()));
  }

  @Override
  public int delete(DeleteContentCommand command) {
    var owner = command.owner();
    return switch (command.target()) {
      case DeleteContentCommand.File f -> {
        if (!entries.hasFile(owner, f.name()) && entries.hashesOf(owner, f.name()).isEmpty()) {
          // a file only listed as refused: deleting it clears the refusal; anything else is unknown
          if (unitOfWork.inTransaction(() -> refused.forget(owner, List.of(f.name()))) == 0) {
            throw new NotFoundException("File not found");
          }
          yield 0;
        }
        yield deleteFile(owner, f.name());
      }
      case DeleteContentCommand.Files fs -> fs.names().stream().mapToInt(name -> deleteFile(owner, name)).sum();
      case DeleteContentCommand.Type t -> unitOfWork.inTransaction(() -> {
        if (t.type().isPresent()) {
          return entries.deleteType(owner, t.type().get());
        }
        refused.forgetAll(owner);
        return entries.deleteAll(owner);
      });
      case DeleteContentCommand.Source s -> unitOfWork.inTransaction(() -> {
        connectors.ifPresent(c -> c.deleteConnector(owner, s.source()));
        return entries.deleteSource(owner, s.source());
      });
    };
  }

  private int deleteFile(io.khoj4j.domain.user.UserId owner, String name) {
    return unitOfWork.inTransaction(() -> {
      entries.lockFile(owner, name);
      refused.forget(owner, List.of(name));
      return entries.deleteFile(owner, name);
    });
  }
}
