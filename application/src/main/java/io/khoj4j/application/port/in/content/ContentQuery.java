package io.khoj4j.application.port.in.content;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Read-side questions about a user's indexed content. */
public sealed interface ContentQuery {

  UserId owner();

  /** Types the user has entries of. */
  record Types(UserId owner) implements ContentQuery {}

  /** A page of file records, newest first; {@code truncated} cuts each text to its first 1000 characters. */
  record Files(UserId owner, int page, int pageSize, boolean truncated) implements ContentQuery {
    public Files {
      if (page < 0) {
        throw new InvalidInputException("page must be 0 or more");
      }
      if (pageSize < 1 || pageSize > 100) {
        throw new InvalidInputException("page size must be between 1 and 100");
      }
    }
  }

  record File(UserId owner, String name) implements ContentQuery {
    public File {
      Objects.requireNonNull(name, "name");
    }
  }

  /** Distinct paths of the user's files from one source. */
  record SourceFiles(UserId owner, ContentSource source) implements ContentQuery {}

  /** Whether the user has indexed anything: an index probe, cheap at any size (chat asks it every turn). */
  record HasDocuments(UserId owner) implements ContentQuery {}

  /** How much text the user has indexed, in bytes: reads every entry's text, so only where that is the question. */
  record IndexedBytes(UserId owner) implements ContentQuery {}
}
