package io.khoj4j.application.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.error.UnauthenticatedException;
import io.khoj4j.application.port.in.auth.PasswordLoginCommand;
import io.khoj4j.application.port.in.auth.SignedIn;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.AuthenticateSessionQuery;
import io.khoj4j.application.port.in.user.EnsureAdminAccountUseCase.EnsureAdminAccountCommand;
import io.khoj4j.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordLoginServiceTest {

  private final AuthFixture f = new AuthFixture();
  private final PasswordLoginService passwords = f.passwords();

  @Test
  void theAdministratorFromConfigurationSignsInWithThePassword() {
    User admin = f.admin.ensure(new EnsureAdminAccountCommand("root@example.org", "s3cret-enough"));

    SignedIn signedIn =
        passwords.login(new PasswordLoginCommand("ROOT@example.org", "s3cret-enough", "10.0.0.1"));

    assertThat(signedIn.user().id()).isEqualTo(admin.id());
    assertThat(signedIn.user().admin()).isTrue();
    assertThat(f.sessions.authenticate(new AuthenticateSessionQuery(signedIn.secret())))
        .contains(signedIn.user());
  }

  @Test
  void wrongPasswordsUnknownAddressesAndAccountsWithoutPasswordAllGetTheSameAnswer() {
    f.admin.ensure(new EnsureAdminAccountCommand("root@example.org", "s3cret-enough"));
    f.admin.ensure(new EnsureAdminAccountCommand("nopass@example.org", null));

    for (PasswordLoginCommand c : new PasswordLoginCommand[] {
      new PasswordLoginCommand("root@example.org", "wrong-password", null),
      new PasswordLoginCommand("nobody@example.org", "s3cret-enough", null),
      new PasswordLoginCommand("nopass@example.org", "s3cret-enough", null)
    }) {
      assertThatThrownBy(() -> passwords.login(c))
          .isInstanceOf(UnauthenticatedException.class)
          .hasMessage(PasswordLoginService.INVALID);
    }
    assertThat(f.sessionStore.size()).isZero();
  }

  @Test
  void tenAttemptsPerAddressPerQuarterHour() {
    f.admin.ensure(new EnsureAdminAccountCommand("root@example.org", "s3cret-enough"));
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(
              () -> passwords.login(new PasswordLoginCommand("root@example.org", "guess", null)))
          .isInstanceOf(UnauthenticatedException.class);
    }
    assertThatThrownBy(() ->
            passwords.login(new PasswordLoginCommand("root@example.org", "s3cret-enough", null)))
        .isInstanceOf(QuotaExceededException.class);

    f.clock.advance(Duration.ofMinutes(15));
    assertThat(passwords.login(new PasswordLoginCommand("root@example.org", "s3cret-enough", null)))
        .isNotNull();
  }

  @Test
  void oneClientCannotWalkThroughManyAddresses() {
    f.admin.ensure(new EnsureAdminAccountCommand("root@example.org", "s3cret-enough"));
    for (int i = 0; i < 50; i++) {
      PasswordLoginCommand guess =
          new PasswordLoginCommand("user" + i + "@example.org", "guess", "10.6.6.6");
      assertThatThrownBy(() -> passwords.login(guess)).isInstanceOf(UnauthenticatedException.class);
    }

    assertThatThrownBy(() -> passwords.login(
            new PasswordLoginCommand("root@example.org", "s3cret-enough", "10.6.6.6")))
        .as(
            "even the right password for an untouched address, once the client's attempts are spent")
        .isInstanceOf(QuotaExceededException.class)
        .hasMessage(PasswordLoginService.TOO_MANY);
    assertThat(f.sessionStore.size()).isZero();
    assertThat(passwords.login(
            new PasswordLoginCommand("root@example.org", "s3cret-enough", "10.7.7.7")))
        .as("another client is not affected")
        .isNotNull();
  }

  @Test
  void aStartedAdminPasswordIsNotOverwrittenByALaterStart() {
    f.admin.ensure(new EnsureAdminAccountCommand("root@example.org", "first-password"));
    f.admin.ensure(new EnsureAdminAccountCommand("root@example.org", "second-password"));

    assertThat(
            passwords.login(new PasswordLoginCommand("root@example.org", "first-password", null)))
        .isNotNull();
  }
}
