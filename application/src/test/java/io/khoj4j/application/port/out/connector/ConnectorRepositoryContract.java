package io.khoj4j.application.port.out.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.connector.ConnectorRepository.GithubSettings;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.connector.GithubRepo;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectorRepository} promises; the fake and the PostgreSQL adapter both run it. */
public abstract class ConnectorRepositoryContract {

  protected abstract ConnectorRepository repository();

  /** The same store's hold on a connector. */
  protected abstract ConnectorHold hold();

  /** A user that exists (the adapter's tables reference users). */
  protected abstract UserId newOwner();

  static final Instant NOW = Instant.parse("2026-12-04T22:00:00Z");

  @Test
  void aConnectorIsThereWhileItsSettingsAreEvenWithoutAToken() {
    UserId owner = newOwner();
    UserId other = newOwner();
    assertThat(repository().hasConnector(owner, ContentSource.NOTION)).isFalse();

    repository().saveNotion(owner, Optional.of(new SealedSecret("sealed")));
    repository().saveGithub(owner, new GithubSettings(Optional.empty(), List.of()));
    repository().saveNotion(owner, Optional.empty());

    assertThat(repository().hasConnector(owner, ContentSource.NOTION))
        .as("token cleared")
        .isTrue();
    assertThat(repository().hasConnector(owner, ContentSource.GITHUB)).isTrue();
    assertThat(repository().hasConnector(other, ContentSource.NOTION)).isFalse();
    repository().deleteConnector(owner, ContentSource.NOTION);
    assertThat(repository().hasConnector(owner, ContentSource.NOTION)).isFalse();
    assertThat(repository().hasConnector(owner, ContentSource.GITHUB)).isTrue();
  }

  @Test
  void githubSettingsAreReplacedWholeAndKeptPerOwner() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    GithubRepo a = new GithubRepo("octo", "notes", "main");
    GithubRepo b = new GithubRepo("octo", "site", "gh-pages");
    repository()
        .saveGithub(
            alice, new GithubSettings(Optional.of(new SealedSecret("sealed-1")), List.of(a, b)));
    repository().saveGithub(alice, new GithubSettings(Optional.empty(), List.of(b)));

    assertThat(repository().github(alice))
        .contains(new GithubSettings(Optional.empty(), List.of(b)));
    assertThat(repository().github(bob)).isEmpty();
  }

  @Test
  void notionTokenCanBeSavedAndCleared() {
    UserId alice = newOwner();
    repository().saveNotion(alice, Optional.of(new SealedSecret("sealed-n")));
    assertThat(repository().notionToken(alice)).contains(new SealedSecret("sealed-n"));
    assertThat(repository().ownersWithConnectors()).contains(alice);

    repository().saveNotion(alice, Optional.empty());
    assertThat(repository().notionToken(alice)).isEmpty();
    assertThat(repository().ownersWithConnectors()).doesNotContain(alice);
  }

  @Test
  void aConnectorIsHeldWhileItIsSetUpAndAConnectorNotSetUpKeepsNoStateNorVersions() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    repository().saveNotion(alice, Optional.empty());

    assertThat(hold().hold(alice, ContentSource.NOTION)).isTrue();
    assertThat(hold().hold(alice, ContentSource.GITHUB)).isFalse();
    assertThat(hold().hold(bob, ContentSource.NOTION)).isFalse();
    assertThat(hold().hold(bob, ContentSource.COMPUTER))
        .as("no connector to remove")
        .isTrue();
    repository().saveState(bob, ContentSource.NOTION, SyncState.never().succeeded(NOW, 1, 1));
    repository().saveVersions(bob, ContentSource.NOTION, Map.of("https://notion.so/p", "t"));
    assertThat(repository().state(bob, ContentSource.NOTION)).isEqualTo(SyncState.never());
    assertThat(repository().versions(bob, ContentSource.NOTION)).isEmpty();

    repository().deleteConnector(alice, ContentSource.NOTION);
    assertThat(hold().hold(alice, ContentSource.NOTION)).isFalse();
  }

  @Test
  void statesAndVersionsArePerOwnerAndSource() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    for (UserId owner : List.of(alice, bob)) {
      repository().saveGithub(owner, new GithubSettings(Optional.empty(), List.of()));
    }
    SyncState failing =
        SyncState.never().succeeded(NOW, 3, 3).failed("GitHub refused the token", 1, 4);
    repository().saveState(alice, ContentSource.GITHUB, failing);
    repository()
        .saveVersions(
            alice,
            ContentSource.GITHUB,
            Map.of(
                "https://github.com/o/r/blob/main/a.md",
                "sha1",
                "https://github.com/o/r/blob/main/b.md",
                "sha2"));
    repository()
        .saveVersions(
            alice, ContentSource.GITHUB, Map.of("https://github.com/o/r/blob/main/a.md", "sha3"));
    repository()
        .saveVersions(
            bob, ContentSource.GITHUB, Map.of("https://github.com/o/r/blob/main/a.md", "x"));
    repository()
        .deleteVersions(
            alice, ContentSource.GITHUB, List.of("https://github.com/o/r/blob/main/b.md"));

    assertThat(repository().state(alice, ContentSource.GITHUB)).isEqualTo(failing);
    assertThat(repository().state(alice, ContentSource.NOTION)).isEqualTo(SyncState.never());
    assertThat(repository().state(bob, ContentSource.GITHUB)).isEqualTo(SyncState.never());
    assertThat(repository().versions(alice, ContentSource.GITHUB))
        .isEqualTo(Map.of("https://github.com/o/r/blob/main/a.md", "sha3"));
    assertThat(repository().versions(alice, ContentSource.NOTION)).isEmpty();
    assertThat(repository().versions(bob, ContentSource.GITHUB))
        .isEqualTo(Map.of("https://github.com/o/r/blob/main/a.md", "x"));
  }

  @Test
  void deletingAConnectorRemovesItsSettingsStateAndVersionsOnly() {
    UserId alice = newOwner();
    repository()
        .saveGithub(
            alice, new GithubSettings(Optional.empty(), List.of(new GithubRepo("o", "r", "main"))));
    repository().saveNotion(alice, Optional.of(new SealedSecret("n")));
    repository().saveState(alice, ContentSource.GITHUB, SyncState.never().succeeded(NOW, 1, 1));
    repository().saveVersions(alice, ContentSource.GITHUB, Map.of("k", "v"));
    repository().saveVersions(alice, ContentSource.NOTION, Map.of("p", "t"));

    repository().deleteConnector(alice, ContentSource.GITHUB);

    assertThat(repository().github(alice)).isEmpty();
    assertThat(repository().state(alice, ContentSource.GITHUB)).isEqualTo(SyncState.never());
    assertThat(repository().versions(alice, ContentSource.GITHUB)).isEmpty();
    assertThat(repository().notionToken(alice)).contains(new SealedSecret("n"));
    assertThat(repository().versions(alice, ContentSource.NOTION)).isEqualTo(Map.of("p", "t"));
  }

  @Test
  void anOAuthStateWorksOnceAndNotAfterItExpires() {
    UserId alice = newOwner();
    String live = "hash-" + UUID.randomUUID();
    String old = "hash-" + UUID.randomUUID();
    repository().saveOauthState(live, alice, NOW.plusSeconds(600));
    repository().saveOauthState(old, alice, NOW.minusSeconds(1));

    assertThat(repository().takeOauthState(live, NOW)).contains(alice);
    assertThat(repository().takeOauthState(live, NOW)).isEmpty();
    assertThat(repository().takeOauthState(old, NOW)).isEmpty();
    assertThat(repository().takeOauthState("hash-unknown", NOW)).isEmpty();
  }

  @Test
  void expiredOAuthStatesOfEveryUserAreDeletedTogetherAndLiveOnesStay() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    String live = "hash-" + UUID.randomUUID();
    repository().saveOauthState(live, alice, NOW.plusSeconds(600));
    repository().saveOauthState("hash-" + UUID.randomUUID(), alice, NOW.minusSeconds(1));
    repository().saveOauthState("hash-" + UUID.randomUUID(), bob, NOW.minusSeconds(60));

    assertThat(repository().deleteExpiredOauthStates(NOW)).isGreaterThanOrEqualTo(2);

    assertThat(repository().deleteExpiredOauthStates(NOW)).isZero();
    assertThat(repository().takeOauthState(live, NOW)).contains(alice);
  }
}
