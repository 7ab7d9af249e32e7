package io.khoj4j.application.port.out.connector;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Fake: maps keyed by owner; passes {@link ConnectorRepositoryContract}. */
public final class InMemoryConnectorRepository implements ConnectorRepository, ConnectorHold {

  private record Key(UserId owner, ContentSource source) {}

  private record OAuthState(UserId owner, Instant expiresAt) {}

  private final Map<UserId, GithubSettings> github = new ConcurrentHashMap<>();
  private final Map<UserId, Optional<SealedSecret>> notion = new ConcurrentHashMap<>();
  private final Map<Key, SyncState> states = new ConcurrentHashMap<>();
  private final Map<Key, Map<String, String>> versions = new ConcurrentHashMap<>();
  private final Map<String, OAuthState> oauth = new ConcurrentHashMap<>();

  @Override
  public Optional<GithubSettings> github(UserId owner) {
    return Optional.ofNullable(github.get(owner));
  }

  @Override
  public void saveGithub(UserId owner, GithubSettings settings) {
    github.put(owner, settings);
  }

  @Override
  public Optional<SealedSecret> notionToken(UserId owner) {
    return notion.getOrDefault(owner, Optional.empty());
  }

  @Override
  public void saveNotion(UserId owner, Optional<SealedSecret> token) {
    notion.put(owner, token);
  }

  @Override
  public boolean hasConnector(UserId owner, ContentSource source) {
    return switch (source) {
      case GITHUB -> github.containsKey(owner);
      case NOTION -> notion.containsKey(owner);
      case COMPUTER -> true;
    };
  }

  /** In memory there is no transaction to hold it for: whether it is set up now. */
  @Override
  public boolean hold(UserId owner, ContentSource source) {
    return hasConnector(owner, source);
  }

  @Override
  public void deleteConnector(UserId owner, ContentSource source) {
    switch (source) {
      case GITHUB -> github.remove(owner);
      case NOTION -> notion.remove(owner);
      case COMPUTER -> {
        return;
      }
    }
    states.remove(new Key(owner, source));
    versions.remove(new Key(owner, source));
  }

  @Override
  public SyncState state(UserId owner, ContentSource source) {
    return states.getOrDefault(new Key(owner, source), SyncState.never());
  }

  @Override
  public void saveState(UserId owner, ContentSource source, SyncState state) {
    if (!hold(owner, source)) {
      return;
    }
    states.put(new Key(owner, source), state);
  }

  @Override
  public Map<String, String> versions(UserId owner, ContentSource source) {
    return new HashMap<>(versions.getOrDefault(new Key(owner, source), Map.of()));
  }

  @Override
  public void saveVersions(UserId owner, ContentSource source, Map<String, String> changed) {
    if (!hold(owner, source)) {
      return;
    }
    versions
        .computeIfAbsent(new Key(owner, source), k -> new ConcurrentHashMap<>())
        .putAll(changed);
  }

  @Override
  public void deleteVersions(UserId owner, ContentSource source, Collection<String> keys) {
    Map<String, String> map = versions.get(new Key(owner, source));
    if (map != null) {
      keys.forEach(map::remove);
    }
  }

  @Override
  public List<UserId> ownersWithConnectors() {
    TreeSet<String> ids = new TreeSet<>();
    github.keySet().forEach(u -> ids.add(u.toString()));
    notion.forEach((u, t) -> t.ifPresent(x -> ids.add(u.toString())));
    List<UserId> owners = new ArrayList<>();
    ids.forEach(id -> owners.add(UserId.of(id)));
    return owners;
  }

  @Override
  public void saveOauthState(String stateHash, UserId owner, Instant expiresAt) {
    oauth.put(stateHash, new OAuthState(owner, expiresAt));
  }

  @Override
  public Optional<UserId> takeOauthState(String stateHash, Instant now) {
    OAuthState state = oauth.remove(stateHash);
    return state == null || state.expiresAt().isBefore(now)
        ? Optional.empty()
        : Optional.of(state.owner());
  }

  @Override
  public int deleteExpiredOauthStates(Instant now) {
    int before = oauth.size();
    oauth.values().removeIf(state -> state.expiresAt().isBefore(now));
    return before - oauth.size();
  }
}
