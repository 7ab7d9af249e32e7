package io.khoj4j.application.port.out.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.khoj4j.domain.user.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link WebSessionRepository} must do. Sessions need an existing owner: see {@link #newOwner()}. */
public abstract class WebSessionRepositoryContract {

  protected abstract WebSessionRepository repository();

  protected abstract UnitOfWork unitOfWork();

  /** A user that exists wherever the repository checks owners. */
  protected abstract UserId newOwner();

  /** Where the owners are. */
  protected abstract UserRepository users();

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private static WebSession session(UserId owner, Instant expiresAt) {
    return new WebSession(
        SecretHash.of("s-" + UUID.randomUUID()),
        owner,
        NOW,
        expiresAt.truncatedTo(ChronoUnit.MILLIS));
  }

  private java.util.Optional<WebSession> stored(SecretHash hash) {
    return repository().findWithOwner(hash).map(OwnedSession::session);
  }

  @Test
  void findsAnInsertedSessionByItsHashOnly() {
    WebSession session = session(newOwner(), NOW.plus(WebSession.LIFETIME));
    unitOfWork().run(() -> repository().insert(session));

    assertThat(stored(session.hash())).contains(session);
    assertThat(stored(SecretHash.of("another secret"))).isEmpty();
  }

  @Test
  void aSessionIsFoundWithItsUserInOneLookup() {
    User carol = users()
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()),
            "carol-" + UUID.randomUUID(),
            "carol-" + UUID.randomUUID() + "@example.org",
            "Carol",
            "Danvers",
            true,
            true,
            Instant.parse("2026-02-03T04:05:06Z")));
    WebSession carols = session(carol.id(), NOW.plus(WebSession.LIFETIME));
    WebSession expired = session(newOwner(), NOW.minusSeconds(1));
    unitOfWork().run(() -> {
      repository().insert(carols);
      repository().insert(expired);
    });

    OwnedSession found = repository().findWithOwner(carols.hash()).orElseThrow();

    assertThat(found.session()).isEqualTo(carols);
    assertThat(found.owner()).isEqualTo(users().findById(carol.id()).orElseThrow());
    assertThat(found.owner().admin()).isTrue();
    assertThat(found.owner().lastName()).isEqualTo("Danvers");
    // expiry is the caller's to judge: the lookup returns an expired session as stored
    assertThat(repository().findWithOwner(expired.hash()).orElseThrow().session())
        .isEqualTo(expired);
    assertThat(repository().findWithOwner(SecretHash.of("another secret"))).isEmpty();
  }

  @Test
  void aDeletedUsersSessionIsNotFoundWithAUser() {
    UserId dora = newOwner();
    WebSession session = session(dora, NOW.plus(WebSession.LIFETIME));
    unitOfWork().run(() -> repository().insert(session));

    unitOfWork().run(() -> users().delete(dora));

    assertThat(repository().findWithOwner(session.hash())).isEmpty();
  }

  @Test
  void deletedSessionIsGone() {
    WebSession session = session(newOwner(), NOW.plus(WebSession.LIFETIME));
    unitOfWork().run(() -> repository().insert(session));

    unitOfWork().run(() -> repository().delete(session.hash()));

    assertThat(stored(session.hash())).isEmpty();
  }

  @Test
  void deletesEverySessionOfOneOwnerAndNoOther() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    WebSession a1 = session(alice, NOW.plus(WebSession.LIFETIME));
    WebSession a2 = session(alice, NOW.plus(WebSession.LIFETIME));
    WebSession b1 = session(bob, NOW.plus(WebSession.LIFETIME));
    unitOfWork().run(() -> {
      repository().insert(a1);
      repository().insert(a2);
      repository().insert(b1);
    });

    int deleted = unitOfWork().inTransaction(() -> repository().deleteByOwner(alice));

    assertThat(deleted).isEqualTo(2);
    assertThat(stored(a1.hash())).isEmpty();
    assertThat(stored(b1.hash())).contains(b1);
  }

  @Test
  void deleteExpiredKeepsLiveSessions() {
    UserId owner = newOwner();
    WebSession expired = session(owner, NOW.minus(Duration.ofMinutes(1)));
    WebSession live = session(owner, NOW.plus(Duration.ofMinutes(1)));
    unitOfWork().run(() -> {
      repository().insert(expired);
      repository().insert(live);
    });

    int deleted = unitOfWork().inTransaction(() -> repository().deleteExpired(NOW));

    assertThat(deleted).isGreaterThanOrEqualTo(1);
    assertThat(stored(expired.hash())).isEmpty();
    assertThat(stored(live.hash())).contains(live);
  }
}
