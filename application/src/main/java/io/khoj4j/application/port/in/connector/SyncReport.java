package io.khoj4j.application.port.in.connector;

import io.khoj4j.domain.content.ContentSource;
import java.util.Map;

/** Per synced source: how many items were indexed, deleted and left unchanged, or why the sync failed. */
public record SyncReport(Map<ContentSource, Outcome> outcomes) {

  public SyncReport {
    outcomes = Map.copyOf(outcomes);
  }

  public sealed interface Outcome {
    record Synced(int indexed, int deleted, int unchanged, int skipped) implements Outcome {}

    record Failed(String reason) implements Outcome {}

    /** This source of this user is already being synced here; nothing was started. */
    record AlreadyRunning() implements Outcome {}
  }

  public boolean failed() {
    return outcomes.values().stream().anyMatch(o -> o instanceof Outcome.Failed);
  }
}
