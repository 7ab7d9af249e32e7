package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Index (or delete) the uploaded files for {@code owner}; {@code onlyType} is Khoj's {@code t} ({@code all} = empty). */
public record IndexContentCommand(
    UserId owner, List<UploadedFile> files, SyncMode mode, Optional<ContentType> onlyType) {

  public IndexContentCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(mode, "mode");
    files = List.copyOf(files);
    onlyType = onlyType == null ? Optional.empty() : onlyType;
  }
}
