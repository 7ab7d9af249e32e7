package io.khoj4j.domain.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a user's connector stands: whether it is syncing, last succeeded or is failing (with the reason), when it
 * last finished a sync, and how many items of the current or last sync are done.
 */
public record SyncState(
    Status status,
    Optional<String> lastError,
    Optional<Instant> lastSyncedAt,
    int done,
    int total) {

  public enum Status {
    NEVER("never"),
    SYNCING("syncing"),
    OK("ok"),
    FAILING("failing");

    private final String wireName;

    Status(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public SyncState {
    Objects.requireNonNull(status, "status");
    lastError = lastError == null ? Optional.empty() : lastError;
    lastSyncedAt = lastSyncedAt == null ? Optional.empty() : lastSyncedAt;
  }

  public static SyncState never() {
    return new SyncState(Status.NEVER, Optional.empty(), Optional.empty(), 0, 0);
  }

  public SyncState syncing(int done, int total) {
    return new SyncState(Status.SYNCING, lastError, lastSyncedAt, done, total);
  }

  public SyncState succeeded(Instant at, int done, int total) {
    return new SyncState(Status.OK, Optional.empty(), Optional.of(at), done, total);
  }

  /** A failed sync keeps the time of the last good one. */
  public SyncState failed(String reason, int done, int total) {
    return new SyncState(Status.FAILING, Optional.of(reason), lastSyncedAt, done, total);
  }
}
