package io.khoj4j.application.service.usage;

import io.khoj4j.application.port.in.usage.ReleaseConnectionUseCase;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;

/** Gives back a closed WebSocket connection's place; harmless when limits are off or the place was never taken. */
public final class ReleaseConnectionService implements ReleaseConnectionUseCase {

  private final RateLimiter limiter;

  public ReleaseConnectionService(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void release(ReleaseConnectionCommand command) {
    // The place count does not matter for a release: rows are found by bucket, subject and id.
    limiter.release(
        AdmitUsageService.connectionLimit(1),
        AdmitUsageService.subject(command.user()),
        command.connectionId());
  }
}
