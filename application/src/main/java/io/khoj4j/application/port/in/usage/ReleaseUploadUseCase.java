package io.khoj4j.application.port.in.usage;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/**
 * An upload admitted by {@link AdmitUsageUseCase} was indexed (or failed): the space reserved for it is given back,
 * its entries now count for themselves. Harmless when nothing was reserved.
 */
public interface ReleaseUploadUseCase {

  void release(ReleaseUploadCommand command);

  record ReleaseUploadCommand(UserId user, String uploadId) {
    public ReleaseUploadCommand {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(uploadId, "uploadId");
    }
  }
}
