package io.khoj4j.adapter.web.in.content;

import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.FilePage;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A {@link QueryContentUseCase} that records each query and answers with one file of markdown and PDF types. */
final class RecordingContentQueries implements QueryContentUseCase {

  private final List<Object> received;
  private final IndexedFile file;

  RecordingContentQueries(List<Object> received, IndexedFile file) {
    this.received = received;
    this.file = file;
  }

  @Override
  public Set<ContentType> types(ContentQuery.Types q) {
    received.add(q);
    return EnumSet.of(ContentType.PDF, ContentType.MARKDOWN);
  }

  @Override
  public FilePage files(ContentQuery.Files q) {
    received.add(q);
    return new FilePage(List.of(file), 3);
  }

  @Override
  public IndexedFile file(ContentQuery.File q) {
    received.add(q);
    return file;
  }

  @Override
  public List<String> sourceFiles(ContentQuery.SourceFiles q) {
    received.add(q);
    return List.of(file.name());
  }

  @Override
  public boolean hasDocuments(ContentQuery.HasDocuments q) {
    received.add(q);
    return true;
  }

  /** One byte over a megabyte indexed. */
  @Override
  public long indexedBytes(ContentQuery.IndexedBytes q) {
    received.add(q);
    return (1 << 20) + 1;
  }
}
