package io.khoj4j.application.port.in.content;

public interface DeleteContentUseCase {

  /** Returns the number of entries (chunks) deleted; a file that does not exist is NotFound. */
  int delete(DeleteContentCommand command);
}
