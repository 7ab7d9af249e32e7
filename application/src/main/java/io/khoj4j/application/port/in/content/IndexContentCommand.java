package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Index (or delete) the uploaded files for {@code owner}; {@code onlyType} is Khoj's {@code t} ({@code all} = empty).
 * {@code source} is where the files came from: a client ({@code COMPUTER}) or a connector, whose files are named by
 * their URL, parsed by the processor their part's content type names and stored with the connector's type and
 * source, as Khoj stores them.
 */
public record IndexContentCommand(
    UserId owner,
    List<UploadedFile> files,
    SyncMode mode,
    Optional<ContentType> onlyType,
    ContentSource source) {

  public IndexContentCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(source, "source");
    files = List.copyOf(files);
    onlyType = onlyType == null ? Optional.empty() : onlyType;
  }

  public IndexContentCommand(
      UserId owner, List<UploadedFile> files, SyncMode mode, Optional<ContentType> onlyType) {
    this(owner, files, mode, onlyType, ContentSource.COMPUTER);
  }
}
