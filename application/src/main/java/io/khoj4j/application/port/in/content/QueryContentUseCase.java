package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import java.util.List;
import java.util.Set;

/** Answers {@link ContentQuery}s; each method takes the matching record. */
public interface QueryContentUseCase {

  Set<ContentType> types(ContentQuery.Types query);

  FilePage files(ContentQuery.Files query);

  /** @throws io.khoj4j.application.error.NotFoundException when the user has no such file */
  IndexedFile file(ContentQuery.File query);

  List<String> sourceFiles(ContentQuery.SourceFiles query);

  boolean hasDocuments(ContentQuery.HasDocuments query);

  long indexedBytes(ContentQuery.IndexedBytes query);
}
