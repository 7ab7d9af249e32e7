package io.khoj4j.adapter.persistence.out.connector;

import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.application.port.out.connector.ConnectorHold;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.connector.GithubRepo;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Connector settings, states and item versions in plain JDBC (item versions are written in batches). */
@ApplicationScoped
public class PgConnectorRepository implements ConnectorRepository, ConnectorHold {

  private final Jdbc jdbc;

  public PgConnectorRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource, "connector storage");
  }

  @Override
  public Optional<GithubSettings> github(UserId owner) {
    return jdbc.inConnection(c -> {
      Optional<SealedSecret> token;
      try (PreparedStatement s =
          c.prepareStatement("select sealed_token from github_connectors where user_id = ?")) {
        s.setObject(1, owner.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          token = Optional.ofNullable(r.getString(1)).map(SealedSecret::new);
        }
      }
      List<GithubRepo> repos = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "select owner, name, branch from github_repos where user_id = ? order by position")) {
        s.setObject(1, owner.value());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            repos.add(new GithubRepo(r.getString(1), r.getString(2), r.getString(3)));
          }
        }
      }
      return Optional.of(new GithubSettings(token, repos));
    });
  }

  @Override
  @Transactional
  public void saveGithub(UserId owner, GithubSettings settings) {
    jdbc.inConnection(c -> {
      try (PreparedStatement s = c.prepareStatement("""
          insert into github_connectors (user_id, sealed_token, updated_at) values (?, ?, now())
          on conflict (user_id) do update set sealed_token = excluded.sealed_token, updated_at = now()
          """)) {
        s.setObject(1, owner.value());
        s.setString(2, settings.token().map(SealedSecret::value).orElse(null));
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("delete from github_repos where user_id = ?")) {
        s.setObject(1, owner.value());
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement(
          "insert into github_repos (user_id, position, owner, name, branch) values (?, ?, ?, ?, ?)")) {
        int position = 0;
        for (GithubRepo repo : settings.repos()) {
          s.setObject(1, owner.value());
          s.setInt(2, position++);
          s.setString(3, repo.owner());
          s.setString(4, repo.name());
          s.setString(5, repo.branch());
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    });
  }

  /** The table of the source's settings; none for the computer, which has no connector. */
  private static String settingsTable(ContentSource source) {
    return switch (source) {
      case GITHUB -> "github_connectors";
      case NOTION -> "notion_connectors";
      case COMPUTER -> null;
    };
  }

  @Override
  public boolean hasConnector(UserId owner, ContentSource source) {
    return settingsRow(owner, source, "");
  }

  /**
   * A key-share lock on the settings row: its delete (removing the connector) conflicts with it and waits, while
   * saving a token (an update of no key) and other holders do not.
   */
  @Override
  public boolean hold(UserId owner, ContentSource source) {
    return settingsRow(owner, source, " for key share");
  }

  /** Whether the owner has the source's settings row, read with {@code lock}; the computer always has. */
  private boolean settingsRow(UserId owner, ContentSource source, String lock) {
    String table = settingsTable(source);
    if (table == null) {
      return true;
    }
    return !jdbc.list(
            "select 1 from " + table + " where user_id = ?" + lock, r -> r.getInt(1), owner.value())
        .isEmpty();
  }

  @Override
  public Optional<SealedSecret> notionToken(UserId owner) {
    return jdbc.inConnection(c -> {
      try (PreparedStatement s =
          c.prepareStatement("select sealed_token from notion_connectors where user_id = ?")) {
        s.setObject(1, owner.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next()
              ? Optional.ofNullable(r.getString(1)).map(SealedSecret::new)
              : Optional.empty();
        }
      }
    });
  }

  @Override
  @Transactional
  public void saveNotion(UserId owner, Optional<SealedSecret> token) {
    jdbc.inConnection(c -> {
      try (PreparedStatement s = c.prepareStatement("""
          insert into notion_connectors (user_id, sealed_token, updated_at) values (?, ?, now())
          on conflict (user_id) do update set sealed_token = excluded.sealed_token, updated_at = now()
          """)) {
        s.setObject(1, owner.value());
        s.setString(2, token.map(SealedSecret::value).orElse(null));
        return s.executeUpdate();
      }
    });
  }

  @Override
  @Transactional
  public void deleteConnector(UserId owner, ContentSource source) {
    String table = settingsTable(source);
    if (table == null) {
      return;
    }
    jdbc.inConnection(c -> {
      Jdbc.update(c, "delete from " + table + " where user_id = ?", owner.value());
      Jdbc.update(
          c,
          "delete from connector_states where user_id = ? and source = ?",
          owner.value(),
          source.wireName());
      Jdbc.update(
          c,
          "delete from connector_items where user_id = ? and source = ?",
          owner.value(),
          source.wireName());
      return null;
    });
  }

  @Override
  public SyncState state(UserId owner, ContentSource source) {
    return jdbc.inConnection(c -> {
      try (PreparedStatement s = c.prepareStatement("""
          select status, last_error, last_synced_at, done, total from connector_states
          where user_id = ? and source = ?
          """)) {
        s.setObject(1, owner.value());
        s.setString(2, source.wireName());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return SyncState.never();
          }
          Timestamp at = r.getTimestamp(3);
          return new SyncState(
              SyncState.Status.valueOf(r.getString(1)),
              Optional.ofNullable(r.getString(2)),
              Optional.ofNullable(at).map(Timestamp::toInstant),
              r.getInt(4),
              r.getInt(5));
        }
      }
    });
  }

  @Override
  @Transactional
  public void saveState(UserId owner, ContentSource source, SyncState state) {
    if (!hold(owner, source)) {
      return; // removed while it synced: no state of it is kept
    }
    jdbc.inConnection(c -> {
      try (PreparedStatement s = c.prepareStatement("""
          insert into connector_states (user_id, source, status, last_error, last_synced_at, done, total)
          values (?, ?, ?, ?, ?, ?, ?)
          on conflict (user_id, source) do update set status = excluded.status, last_error = excluded.last_error,
            last_synced_at = excluded.last_synced_at, done = excluded.done, total = excluded.total
          """)) {
        s.setObject(1, owner.value());
        s.setString(2, source.wireName());
        s.setString(3, state.status().name());
        s.setString(
            4,
            state
                .lastError()
                .map(e -> e.length() > 2000 ? e.substring(0, 2000) : e)
                .orElse(null));
        s.setTimestamp(5, state.lastSyncedAt().map(Timestamp::from).orElse(null));
        s.setInt(6, state.done());
        s.setInt(7, state.total());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Map<String, String> versions(UserId owner, ContentSource source) {
    return jdbc.inConnection(c -> {
      Map<String, String> versions = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement(
          "select item_key, version from connector_items where user_id = ? and source = ?")) {
        s.setObject(1, owner.value());
        s.setString(2, source.wireName());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            versions.put(r.getString(1), r.getString(2));
          }
        }
      }
      return versions;
    });
  }

  @Override
  @Transactional
  public void saveVersions(UserId owner, ContentSource source, Map<String, String> versions) {
    if (!hold(owner, source)) {
      return; // removed while it synced: versions kept now would skip these items if it came back
    }
    jdbc.inConnection(c -> {
      try (PreparedStatement s = c.prepareStatement("""
          insert into connector_items (user_id, source, item_key, version) values (?, ?, ?, ?)
          on conflict (user_id, source, item_key) do update set version = excluded.version
          """)) {
        for (var entry : versions.entrySet()) {
          s.setObject(1, owner.value());
          s.setString(2, source.wireName());
          s.setString(3, entry.getKey());
          s.setString(4, entry.getValue());
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    });
  }

  @Override
  @Transactional
  public void deleteVersions(UserId owner, ContentSource source, Collection<String> keys) {
    jdbc.inConnection(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "delete from connector_items where user_id = ? and source = ? and item_key = ?")) {
        for (String key : keys) {
          s.setObject(1, owner.value());
          s.setString(2, source.wireName());
          s.setString(3, key);
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<UserId> ownersWithConnectors() {
    return jdbc.inConnection(c -> {
      List<UserId> owners = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("""
          select user_id from github_connectors
          union select user_id from notion_connectors where sealed_token is not null
          order by 1
          """);
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          owners.add(new UserId((UUID) r.getObject(1)));
        }
      }
      return owners;
    });
  }

  @Override
  @Transactional
  public void saveOauthState(String stateHash, UserId owner, Instant expiresAt) {
    jdbc.inConnection(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "insert into notion_oauth_states (state_hash, user_id, expires_at) values (?, ?, ?)")) {
        s.setString(1, stateHash);
        s.setObject(2, owner.value());
        s.setTimestamp(3, Timestamp.from(expiresAt));
        return s.executeUpdate();
      }
    });
  }

  @Override
  @Transactional
  public Optional<UserId> takeOauthState(String stateHash, Instant now) {
    return jdbc.inConnection(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "delete from notion_oauth_states where state_hash = ? returning user_id, expires_at")) {
        s.setString(1, stateHash);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          UserId owner = new UserId((UUID) r.getObject(1));
          // states a user never came back with go when the user next completes one
          Jdbc.update(
              c,
              "delete from notion_oauth_states where user_id = ? and expires_at < ?",
              owner.value(),
              Timestamp.from(now));
          return r.getTimestamp(2).toInstant().isBefore(now)
              ? Optional.empty()
              : Optional.of(owner);
        }
      }
    });
  }

  @Override
  @Transactional
  public int deleteExpiredOauthStates(Instant now) {
    return jdbc.inConnection(c -> Jdbc.update(
        c, "delete from notion_oauth_states where expires_at < ?", Timestamp.from(now)));
  }
}
