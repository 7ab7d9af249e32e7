package io.khoj4j.application.service.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.token.AuthenticateApiTokenQuery;
import io.khoj4j.application.port.in.token.CreateApiTokenCommand;
import io.khoj4j.application.port.in.token.CreatedApiToken;
import io.khoj4j.application.port.in.token.DeleteApiTokenCommand;
import io.khoj4j.application.port.in.token.ListApiTokensQuery;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.FixedSecretGenerator;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.application.port.out.token.InMemoryApiTokenRepository;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiTokenServiceTest {

  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository(users);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final ApiTokenService service = new ApiTokenService(
      tokens,
      new DirectUnitOfWork(),
      new SequentialIdGenerator(),
      new FixedSecretGenerator(),
      clock);
  private final User alice = user("alice@example.org");
  private final User bob = user("bob@example.org");

  private User user(String email) {
    User user =
        new User(new UserId(UUID.randomUUID()), email, email, "", "", true, false, clock.instant());
    users.insertIfAbsent(user);
    return user;
  }

  @Test
  void newTokenLooksLikeKhojsAndIsStoredOnlyAsAHash() {
    CreatedApiToken created = service.create(new CreateApiTokenCommand(alice.id(), "laptop"));

    assertThat(created.secret()).startsWith("kk-").hasSize(3 + 43);
    assertThat(created.token().name()).isEqualTo("laptop");
    assertThat(created.token().hash()).isEqualTo(SecretHash.of(created.secret()));
    assertThat(created.token().display()).startsWith("kk-").endsWith("…").hasSize(12);
    assertThat(created.token().toString()).doesNotContain(created.secret());
  }

  @Test
  void blankNameGetsAFriendlyName() {
    CreatedApiToken created = service.create(new CreateApiTokenCommand(alice.id(), "  "));

    assertThat(created.token().name()).matches("[A-Z][a-z]+ [A-Z][a-z]+");
  }

  @Test
  void overlongNameIsRefused() {
    assertThatThrownBy(() -> new CreateApiTokenCommand(alice.id(), "x".repeat(51)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void tokenAuthenticatesItsOwner() {
    CreatedApiToken created = service.create(new CreateApiTokenCommand(alice.id(), "cli"));

    assertThat(service.authenticate(new AuthenticateApiTokenQuery(created.secret())))
        .contains(alice);
  }

  @Test
  void unknownMalformedOrEmptyTokensAuthenticateNobody() {
    assertThat(service.authenticate(new AuthenticateApiTokenQuery("kk-unknown")))
        .isEmpty();
    assertThat(service.authenticate(new AuthenticateApiTokenQuery("nil"))).isEmpty();
    assertThat(service.authenticate(new AuthenticateApiTokenQuery(""))).isEmpty();
  }

  @Test
  void deletedTokenStopsWorkingAtOnce() {
    CreatedApiToken created = service.create(new CreateApiTokenCommand(alice.id(), "cli"));

    service.delete(new DeleteApiTokenCommand(alice.id(), created.secret()));

    assertThat(service.authenticate(new AuthenticateApiTokenQuery(created.secret())))
        .isEmpty();
    assertThat(service.list(new ListApiTokensQuery(alice.id()))).isEmpty();
  }

  @Test
  void tokenCanBeDeletedByWhatTheListShows() {
    CreatedApiToken created = service.create(new CreateApiTokenCommand(alice.id(), "cli"));

    service.delete(new DeleteApiTokenCommand(alice.id(), created.token().display()));

    assertThat(service.authenticate(new AuthenticateApiTokenQuery(created.secret())))
        .isEmpty();
  }

  @Test
  void anotherUserCannotDeleteIt() {
    CreatedApiToken created = service.create(new CreateApiTokenCommand(alice.id(), "cli"));

    assertThatThrownBy(() -> service.delete(new DeleteApiTokenCommand(bob.id(), created.secret())))
        .isInstanceOf(NotFoundException.class);
    assertThat(service.authenticate(new AuthenticateApiTokenQuery(created.secret())))
        .contains(alice);
  }

  @Test
  void listShowsOnlyMine() {
    service.create(new CreateApiTokenCommand(alice.id(), "a"));
    service.create(new CreateApiTokenCommand(bob.id(), "b"));

    assertThat(service.list(new ListApiTokensQuery(alice.id())))
        .extracting(t -> t.name())
        .containsExactly("a");
  }

  @Test
  void lastUseIsRecordedAtMostOncePerResolutionPeriod() {
    CreatedApiToken created = service.create(new CreateApiTokenCommand(alice.id(), "cli"));
    AuthenticateApiTokenQuery query = new AuthenticateApiTokenQuery(created.secret());

    service.authenticate(query);
    Instant firstUse = clock.instant();
    clock.advance(Duration.ofMinutes(1));
    service.authenticate(query);

    assertThat(tokens.findByHash(created.token().hash()).orElseThrow().lastUsed())
        .contains(firstUse);

    clock.advance(Duration.ofMinutes(5));
    service.authenticate(query);

    assertThat(tokens.findByHash(created.token().hash()).orElseThrow().lastUsed())
        .contains(clock.instant());
  }
}
