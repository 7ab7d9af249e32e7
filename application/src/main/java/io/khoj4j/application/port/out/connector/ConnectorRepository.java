package io.khoj4j.application.port.out.connector;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.connector.GithubRepo;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each user's connector settings (tokens sealed), sync state, the version of every item last indexed (a blob SHA, a
 * page's last edit) and pending OAuth states. Every method is scoped by the owner, except the scheduler's list of
 * owners and the OAuth state, which names its owner.
 */
public interface ConnectorRepository {

  record GithubSettings(Optional<SealedSecret> token, List<GithubRepo> repos) {
    public GithubSettings {
      repos = List.copyOf(repos);
    }
  }

  Optional<GithubSettings> github(UserId owner);

  /** Replaces the user's GitHub token and repositories. */
  void saveGithub(UserId owner, GithubSettings settings);

  /** The Notion token, when one is saved. */
  Optional<SealedSecret> notionToken(UserId owner);

  /** Saves (or, when empty, clears) the Notion token; item versions stay, so a later sync can still delete. */
  void saveNotion(UserId owner, Optional<SealedSecret> token);

  /** Removes the source's settings, state and item versions. */
  void deleteConnector(UserId owner, ContentSource source);

  /**
   * Whether the owner has settings for the source at all (a Notion connection whose token was cleared included): what
   * removing the source takes away.
   */
  boolean hasConnector(UserId owner, ContentSource source);

  SyncState state(UserId owner, ContentSource source);

  /** Saves the sync's state, only while the connector is set up (held as {@link ConnectorHold#hold} holds it). */
  void saveState(UserId owner, ContentSource source, SyncState state);

  /** Item key (a file's or page's URL) to the version last indexed. */
  Map<String, String> versions(UserId owner, ContentSource source);

  /**
   * Remembers the versions indexed, only while the connector is set up (held as {@link ConnectorHold#hold} holds it):
   * versions outliving a removed connector would make it skip those items if it were set up again.
   */
  void saveVersions(UserId owner, ContentSource source, Map<String, String> versions);

  void deleteVersions(UserId owner, ContentSource source, Collection<String> keys);

  /** Users with a GitHub or Notion configuration, for the scheduled sync. */
  List<UserId> ownersWithConnectors();

  /** Remembers an OAuth state (stored hashed) until it is used or expires. */
  void saveOauthState(String stateHash, UserId owner, Instant expiresAt);

  /** Removes the state and returns its owner when it exists and has not expired: each state works once. */
  Optional<UserId> takeOauthState(String stateHash, Instant now);

  /**
   * Removes every state that expired before {@code now}: each read of the detailed settings makes one (the Notion
   * link it offers), and most are never used. Returns how many went.
   */
  int deleteExpiredOauthStates(Instant now);
}
