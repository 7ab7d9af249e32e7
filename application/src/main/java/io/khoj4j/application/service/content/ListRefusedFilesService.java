package io.khoj4j.application.service.content;

import io.khoj4j.application.port.in.content.ListRefusedFilesQuery;
import io.khoj4j.application.port.in.content.ListRefusedFilesUseCase;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.domain.content.RefusedFile;
import java.util.List;

public final class ListRefusedFilesService implements ListRefusedFilesUseCase {

  /** Refusals kept (and listed) per user: enough to see what went wrong, bounded however many files are sent. */
  public static final int KEPT_PER_USER = 100;

  private final RefusedFileRepository refused;

  public ListRefusedFilesService(RefusedFileRepository refused) {
    this.refused = refused;
  }

  @Override
  public List<RefusedFile> list(ListRefusedFilesQuery query) {
    return refused.list(query.owner(), KEPT_PER_USER);
  }
}
