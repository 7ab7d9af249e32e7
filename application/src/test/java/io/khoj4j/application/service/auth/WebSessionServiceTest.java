package io.khoj4j.application.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.in.auth.SignedIn;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.AuthenticateSessionQuery;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.EndSessionCommand;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.StartSessionCommand;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebSessionServiceTest {

  private final AuthFixture f = new AuthFixture();
  private final User ada = f.provision.provision(ProvisionUserCommand.byEmail("ada@example.org"));

  @Test
  void aSessionAuthenticatesItsUserUntilItExpires() {
    SignedIn signedIn = f.sessions.start(new StartSessionCommand(ada.id()));

    assertThat(f.sessions.authenticate(new AuthenticateSessionQuery(signedIn.secret())))
        .contains(ada);
    assertThat(signedIn.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(14)));

    f.clock.advance(Duration.ofDays(14));
    assertThat(f.sessions.authenticate(new AuthenticateSessionQuery(signedIn.secret())))
        .isEmpty();
    assertThat(f.sessionStore.size()).as("the expired row is removed when met").isZero();
  }

  @Test
  void onlyTheHashOfTheSecretIsStored() {
    SignedIn signedIn = f.sessions.start(new StartSessionCommand(ada.id()));

    assertThat(f.sessionStore.find(SecretHash.of(signedIn.secret()))).isPresent();
  }

  @Test
  void endingASessionStopsItAtOnceAndEndingTwiceIsHarmless() {
    SignedIn signedIn = f.sessions.start(new StartSessionCommand(ada.id()));
    SignedIn other = f.sessions.start(new StartSessionCommand(ada.id()));

    f.sessions.end(new EndSessionCommand(signedIn.secret()));
    f.sessions.end(new EndSessionCommand(signedIn.secret()));

    assertThat(f.sessions.authenticate(new AuthenticateSessionQuery(signedIn.secret())))
        .isEmpty();
    assertThat(f.sessions.authenticate(new AuthenticateSessionQuery(other.secret())))
        .contains(ada);
  }

  @Test
  void garbageSecretsAuthenticateNobody() {
    assertThat(f.sessions.authenticate(new AuthenticateSessionQuery(""))).isEmpty();
    assertThat(f.sessions.authenticate(new AuthenticateSessionQuery("x".repeat(10_000))))
        .isEmpty();
    assertThat(f.sessions.authenticate(new AuthenticateSessionQuery("not-a-session")))
        .isEmpty();
  }

  @Test
  void aDeletedUsersSessionAuthenticatesNobody() {
    SignedIn signedIn = f.sessions.start(new StartSessionCommand(ada.id()));
    f.users.delete(ada.id());

    assertThat(f.sessions.authenticate(new AuthenticateSessionQuery(signedIn.secret())))
        .isEmpty();
  }
}
