package io.khoj4j.application.service.usage;

import io.khoj4j.application.port.in.usage.ReleaseUploadUseCase;
import io.khoj4j.application.port.out.ratelimit.IndexSpace;

/** Gives back the index space an upload reserved; harmless when limits are off or nothing was reserved. */
public final class ReleaseUploadService implements ReleaseUploadUseCase {

  private final IndexSpace space;

  public ReleaseUploadService(IndexSpace space) {
    this.space = space;
  }

  @Override
  public void release(ReleaseUploadCommand command) {
    space.release(command.user(), command.uploadId());
  }
}
