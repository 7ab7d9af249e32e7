package io.khoj4j.application.port.out.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.ApiToken;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ApiTokenRepository} must do; owners are created by {@link #newOwner()}. */
public abstract class ApiTokenRepositoryContract {

  protected abstract ApiTokenRepository repository();

  protected abstract UnitOfWork unitOfWork();

  /** A user that exists in the store (the real adapter has a foreign key). */
  protected abstract UserId newOwner();

  /** Where the owners are. */
  protected abstract UserRepository users();

  private UserId alice;
  private UserId bob;

  @BeforeEach
  void owners() {
    alice = newOwner();
    bob = newOwner();
  }

  private ApiToken token(UserId owner, String secret, Instant created) {
    return new ApiToken(
        UUID.randomUUID(),
        owner,
        "name of " + secret,
        SecretHash.of(secret),
        ApiToken.displayOf(secret),
        created.truncatedTo(ChronoUnit.MILLIS),
        null);
  }

  private String secret() {
    return "kk-" + UUID.randomUUID();
  }

  @Test
  void tokenIsFoundByTheHashOfItsSecret() {
    String secret = secret();
    ApiToken token = token(alice, secret, Instant.now());
    unitOfWork().run(() -> repository().insert(token));

    assertThat(repository().findByHash(SecretHash.of(secret))).contains(token);
    assertThat(repository().findByHash(SecretHash.of(secret + "x"))).isEmpty();
  }

  @Test
  void aTokenIsFoundWithItsOwnerInOneLookup() {
    String email = "carol-" + UUID.randomUUID() + "@example.org";
    User carol = users()
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()),
            "carol-" + UUID.randomUUID(),
            email,
            "Carol",
            "Danvers",
            true,
            true,
            Instant.parse("2026-02-03T04:05:06Z")));
    String secret = secret();
    ApiToken carols = token(carol.id(), secret, Instant.now());
    ApiToken bobs = token(bob, secret(), Instant.now());
    Instant used = Instant.parse("2026-05-05T05:05:05Z");
    unitOfWork().run(() -> {
      repository().insert(carols);
      repository().insert(bobs);
      repository().recordUse(carols.id(), used);
    });

    OwnedToken found = repository().findWithOwner(SecretHash.of(secret)).orElseThrow();

    assertThat(found.token()).isEqualTo(repository().findByHash(carols.hash()).orElseThrow());
    assertThat(found.token().lastUsed()).contains(used);
    assertThat(found.owner()).isEqualTo(users().findById(carol.id()).orElseThrow());
    assertThat(found.owner().admin()).isTrue();
    assertThat(found.owner().firstName()).isEqualTo("Carol");
    assertThat(repository().findWithOwner(bobs.hash()).orElseThrow().owner().id())
        .isEqualTo(bob);
    assertThat(repository().findWithOwner(SecretHash.of(secret + "x"))).isEmpty();
  }

  @Test
  void aDeletedUsersTokenIsNotFoundWithAnOwner() {
    ApiToken token = token(alice, secret(), Instant.now());
    unitOfWork().run(() -> repository().insert(token));

    unitOfWork().run(() -> users().delete(alice));

    assertThat(repository().findWithOwner(token.hash())).isEmpty();
  }

  @Test
  void listingShowsOnlyTheOwnersTokensOldestFirst() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    ApiToken second = token(alice, secret(), t0.plusSeconds(60));
    ApiToken first = token(alice, secret(), t0);
    ApiToken bobs = token(bob, secret(), t0);
    unitOfWork().run(() -> {
      repository().insert(second);
      repository().insert(first);
      repository().insert(bobs);
    });

    assertThat(repository().findByOwner(alice)).containsExactly(first, second);
    assertThat(repository().findByOwner(bob)).containsExactly(bobs);
  }

  @Test
  void anotherUserCannotDeleteMyToken() {
    String secret = secret();
    ApiToken token = token(alice, secret, Instant.now());
    unitOfWork().run(() -> repository().insert(token));

    boolean byHash =
        unitOfWork().inTransaction(() -> repository().deleteByHash(bob, SecretHash.of(secret)));
    boolean byDisplay =
        unitOfWork().inTransaction(() -> repository().deleteByDisplayOrId(bob, token.display()));
    boolean byId = unitOfWork()
        .inTransaction(() -> repository().deleteByDisplayOrId(bob, token.id().toString()));

    assertThat(byHash).isFalse();
    assertThat(byDisplay).isFalse();
    assertThat(byId).isFalse();
    assertThat(repository().findByHash(SecretHash.of(secret))).isPresent();
  }

  @Test
  void ownerDeletesByHashDisplayOrId() {
    ApiToken a = token(alice, secret(), Instant.now());
    ApiToken b = token(alice, secret(), Instant.now());
    ApiToken c = token(alice, secret(), Instant.now());
    unitOfWork().run(() -> {
      repository().insert(a);
      repository().insert(b);
      repository().insert(c);
    });

    assertThat(unitOfWork().inTransaction(() -> repository().deleteByHash(alice, a.hash())))
        .isTrue();
    assertThat(
            unitOfWork().inTransaction(() -> repository().deleteByDisplayOrId(alice, b.display())))
        .isTrue();
    assertThat(unitOfWork()
            .inTransaction(() -> repository().deleteByDisplayOrId(alice, c.id().toString())))
        .isTrue();
    assertThat(repository().findByOwner(alice)).isEmpty();
  }

  @Test
  void deletingAnIdThatIsNotAUuidIsSimplyNotFound() {
    assertThat(unitOfWork()
            .inTransaction(() -> repository().deleteByDisplayOrId(alice, "no-such-token")))
        .isFalse();
  }

  @Test
  void recordUseStoresTheTime() {
    ApiToken token = token(alice, secret(), Instant.now());
    unitOfWork().run(() -> repository().insert(token));
    Instant used = Instant.parse("2026-05-05T05:05:05Z");

    unitOfWork().run(() -> repository().recordUse(token.id(), used));

    assertThat(repository().findByHash(token.hash()).orElseThrow().lastUsed()).contains(used);
  }
}
