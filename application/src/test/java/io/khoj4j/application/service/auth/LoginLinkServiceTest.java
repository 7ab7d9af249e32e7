package io.khoj4j.application.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.error.UnauthenticatedException;
import io.khoj4j.application.port.in.auth.ExternalLoginCommand;
import io.khoj4j.application.port.in.auth.RedeemLoginLinkCommand;
import io.khoj4j.application.port.in.auth.RequestLoginLinkCommand;
import io.khoj4j.application.port.in.auth.SignedIn;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.AuthenticateSessionQuery;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLinkServiceTest {

  private final AuthFixture f = new AuthFixture();
  private final LoginLinkService links = f.loginLinks(true);

  @Test
  void aRequestedLinkSignsTheBrowserInOnceAndVerifiesTheAddress() {
    links.request(new RequestLoginLinkCommand("Ada@Example.org", "10.0.0.1"));

    var sent = f.mail.last();
    assertThat(sent.email()).isEqualTo("ada@example.org");
    assertThat(sent.code()).matches("\\d{6}");
    assertThat(sent.link().toString())
        .isEqualTo(
            "https://khoj.example/auth/magic?code=" + sent.code() + "&email=ada%40example.org");
    assertThat(f.users.findByEmail("ada@example.org").orElseThrow().verifiedEmail())
        .isFalse();

    SignedIn signedIn =
        links.redeem(new RedeemLoginLinkCommand("ada@example.org", sent.code(), "10.0.0.1"));

    assertThat(signedIn.user().email()).isEqualTo("ada@example.org");
    assertThat(f.sessions.authenticate(new AuthenticateSessionQuery(signedIn.secret())))
        .isPresent();
    assertThat(f.users.findByEmail("ada@example.org").orElseThrow().verifiedEmail())
        .isTrue();
    assertThatThrownBy(
            () -> links.redeem(new RedeemLoginLinkCommand("ada@example.org", sent.code(), null)))
        .as("single use")
        .isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void provingAnAddressByMailDropsTheSingleSignOnLinksMadeWhileItWasUnproven() {
    // someone signs in first at a provider that does not verify addresses, claiming ada's
    User claimed = f.external()
        .login(new ExternalLoginCommand(
            "https://idp.example", "mallory", "ada@example.org", false, null, null, null));
    assertThat(claimed.verifiedEmail()).isFalse();

    links.request(new RequestLoginLinkCommand("ada@example.org", "10.0.0.1"));
    links.redeem(new RedeemLoginLinkCommand("ada@example.org", f.mail.last().code(), "10.0.0.1"));

    assertThat(f.identities.find("https://idp.example", "mallory")).isEmpty();
    // the claim now meets a proven address it did not verify: refused, not signed into ada's
    // account
    assertThatThrownBy(() -> f.external()
            .login(new ExternalLoginCommand(
                "https://idp.example", "mallory", "ada@example.org", false, null, null, null)))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aWrongCodeIsRefusedAndLeavesTheRightOneUsable() {
    links.request(new RequestLoginLinkCommand("ada@example.org", null));
    String code = f.mail.last().code();
    String wrong = code.equals("000000") ? "000001" : "000000";

    assertThatThrownBy(
            () -> links.redeem(new RedeemLoginLinkCommand("ada@example.org", wrong, null)))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(links
            .redeem(new RedeemLoginLinkCommand("ada@example.org", code, null))
            .user()
            .email())
        .isEqualTo("ada@example.org");
  }

  @Test
  void anExpiredCodeIsRefusedWith403AndConsumed() {
    links.request(new RequestLoginLinkCommand("ada@example.org", null));
    String code = f.mail.last().code();
    f.clock.advance(Duration.ofMinutes(5));

    assertThatThrownBy(
            () -> links.redeem(new RedeemLoginLinkCommand("ada@example.org", code, null)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () -> links.redeem(new RedeemLoginLinkCommand("ada@example.org", code, null)))
        .isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void aNewLinkReplacesTheOldOne() {
    links.request(new RequestLoginLinkCommand("ada@example.org", null));
    String first = f.mail.last().code();
    links.request(new RequestLoginLinkCommand("ada@example.org", null));
    String second = f.mail.last().code();

    assertThatThrownBy(
            () -> links.redeem(new RedeemLoginLinkCommand("ada@example.org", first, null)))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(links.redeem(new RedeemLoginLinkCommand("ada@example.org", second, null)))
        .isNotNull();
  }

  @Test
  void anUnknownAddressIs404OnRedeem() {
    assertThatThrownBy(
            () -> links.redeem(new RedeemLoginLinkCommand("nobody@example.org", "123456", null)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("User not found.");
  }

  @Test
  void anInvalidAddressIsRefusedBeforeAnythingIsStored() {
    assertThatThrownBy(() -> links.request(new RequestLoginLinkCommand("not an address", null)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(f.users.findAll(0, 10)).isEmpty();
    assertThat(f.mail.sent()).isEmpty();
  }

  @Test
  void guessingIsStoppedAfterTenChecksPerAddressPerDay() {
    links.request(new RequestLoginLinkCommand("ada@example.org", null));
    String code = f.mail.last().code();
    for (int i = 0; i < 10; i++) {
      String guess = "%06d".formatted(i == Integer.parseInt(code) ? 999_999 - i : i);
      RedeemLoginLinkCommand attempt =
          new RedeemLoginLinkCommand("ada@example.org", guess, "10.0.0." + guess.charAt(5));
      assertThatThrownBy(() -> links.redeem(attempt)).isInstanceOf(UnauthenticatedException.class);
    }

    assertThatThrownBy(
            () -> links.redeem(new RedeemLoginLinkCommand("ada@example.org", code, "10.9.9.9")))
        .as("even the right code, from any client, once the address's attempts are spent")
        .isInstanceOf(QuotaExceededException.class);
    f.clock.advance(Duration.ofDays(1));
    links.request(new RequestLoginLinkCommand("ada@example.org", null));
    assertThat(links.redeem(
            new RedeemLoginLinkCommand("ada@example.org", f.mail.last().code(), null)))
        .isNotNull();
  }

  @Test
  void oneClientCannotWalkThroughManyAddresses() {
    for (int i = 0; i < 100; i++) {
      links.request(new RequestLoginLinkCommand("user" + i + "@example.org", "10.6.6.6"));
    }
    assertThatThrownBy(
            () -> links.request(new RequestLoginLinkCommand("user100@example.org", "10.6.6.6")))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(f.users.findByEmail("user100@example.org")).isEmpty();
  }

  @Test
  void oneClientCannotRedeemCodesAcrossManyAddresses() {
    links.request(new RequestLoginLinkCommand("ada@example.org", "10.0.0.1"));
    String code = f.mail.last().code();
    for (int i = 0; i < 100; i++) {
      RedeemLoginLinkCommand guess =
          new RedeemLoginLinkCommand("user" + i + "@example.org", "123456", "10.6.6.6");
      assertThatThrownBy(() -> links.redeem(guess)).isInstanceOf(NotFoundException.class);
    }

    assertThatThrownBy(
            () -> links.redeem(new RedeemLoginLinkCommand("ada@example.org", code, "10.6.6.6")))
        .as("even the right code for an untouched address, once the client's checks are spent")
        .isInstanceOf(QuotaExceededException.class)
        .hasMessage(LoginLinkService.TOO_MANY_CHECKS);
    assertThat(links.redeem(new RedeemLoginLinkCommand("ada@example.org", code, "10.7.7.7")))
        .as("the code still works from another client")
        .isNotNull();
  }

  @Test
  void linkRequestsAreLimitedPerAddress() {
    for (int i = 0; i < 20; i++) {
      links.request(new RequestLoginLinkCommand("ada@example.org", "10.0.1." + i));
    }
    assertThatThrownBy(
            () -> links.request(new RequestLoginLinkCommand("ada@example.org", "10.0.2.1")))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(f.mail.sent()).hasSize(20);
  }

  @Test
  void closedSignUpSendsNothingToUnknownAddressesButAnswersTheSame() {
    LoginLinkService closed = f.loginLinks(false);

    closed.request(new RequestLoginLinkCommand("stranger@example.org", null));

    assertThat(f.mail.sent()).isEmpty();
    assertThat(f.users.findByEmail("stranger@example.org")).isEmpty();

    User known = f.provision.provision(ProvisionUserCommand.byEmail("known@example.org"));
    closed.request(new RequestLoginLinkCommand(known.email(), null));
    assertThat(f.mail.sent()).hasSize(1);
  }
}
