package io.khoj4j.application.service.content;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.FilePage;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import java.util.List;
import java.util.Set;

/** Listing and viewing a user's indexed content: types, files a page at a time, one file, a source's files. */
public final class QueryContentService implements QueryContentUseCase {

  private static final int TRUNCATED_LENGTH = 1000;

  private final EntryRepository entries;

  public QueryContentService(EntryRepository entries) {
    this.entries = entries;
  }

  @Override
  public Set<ContentType> types(ContentQuery.Types query) {
    return entries.contentTypes(query.owner());
  }

  @Override
  public FilePage files(ContentQuery.Files query) {
    long total = entries.countFiles(query.owner());
    int pages = (int) ((total + query.pageSize() - 1) / query.pageSize());
    long offset = (long) query.page() * query.pageSize();
    List<IndexedFile> files = offset >= total
        ? List.of() // past the last page (an offset beyond int, too): nothing to read
        : entries.listFiles(query.owner(), (int) offset, query.pageSize());
    if (query.truncated()) {
      files = files.stream().map(QueryContentService::truncate).toList();
    }
    return new FilePage(files, pages);
  }

  private static IndexedFile truncate(IndexedFile f) {
    if (f.rawText().length() <= TRUNCATED_LENGTH) {
      return f;
    }
    return new IndexedFile(
        f.id(),
        f.owner(),
        f.name(),
        f.type(),
        f.source(),
        f.rawText().substring(0, TRUNCATED_LENGTH),
        f.sizeBytes(),
        f.indexedBytes(),
        f.updatedAt());
  }

  @Override
  public IndexedFile file(ContentQuery.File query) {
    return entries
        .findFile(query.owner(), query.name())
        .orElseThrow(() -> new NotFoundException("File not found"));
  }

  @Override
  public List<String> sourceFiles(ContentQuery.SourceFiles query) {
    return entries.filePathsOfSource(query.owner(), query.source());
  }

  @Override
  public boolean hasDocuments(ContentQuery.HasDocuments query) {
    return entries.hasEntries(query.owner());
  }

  @Override
  public long indexedBytes(ContentQuery.IndexedBytes query) {
    return entries.indexedBytes(query.owner());
  }
}
