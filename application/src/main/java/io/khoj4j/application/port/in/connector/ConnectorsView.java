package io.khoj4j.application.port.in.connector;

import io.khoj4j.domain.connector.GithubRepo;
import io.khoj4j.domain.connector.SyncState;
import java.util.List;
import java.util.Optional;

/**
 * The caller's own connector settings, tokens opened (Khoj's settings page shows them to their owner), and the state
 * of each connector's sync. A token that can no longer be opened (the server key changed) reads as empty.
 */
public record ConnectorsView(
    Optional<Github> github,
    Optional<String> notionToken,
    SyncState githubState,
    SyncState notionState) {

  public record Github(Optional<String> token, List<GithubRepo> repos) {
    public Github {
      repos = List.copyOf(repos);
    }
  }
}
