package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/** The attachments one user sent to be converted. */
public record ConvertAttachmentsCommand(UserId userId, List<UploadedFile> files) {

  public ConvertAttachmentsCommand {
    Objects.requireNonNull(userId, "userId");
    files = List.copyOf(files);
  }
}
