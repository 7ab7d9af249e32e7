package io.khoj4j.application.port.in.content;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/** Removes indexed content of {@code owner}: entries and file records go together. */
public record DeleteContentCommand(UserId owner, Target target) {

  public DeleteContentCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(target, "target");
  }

  public sealed interface Target {}

  public record File(String name) implements Target {
    public File {
      if (name == null || name.isEmpty()) {
        throw new InvalidInputException("filename is required");
      }
    }
  }

  public record Files(List<String> names) implements Target {
    public Files {
      names = List.copyOf(names);
    }
  }

  /** One type; {@code Type(empty)} is Khoj's {@code all}. */
  public record Type(java.util.Optional<ContentType> type) implements Target {}

  public record Source(ContentSource source) implements Target {}
}
