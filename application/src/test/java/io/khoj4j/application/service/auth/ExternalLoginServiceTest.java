package io.khoj4j.application.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.port.in.auth.ExternalLoginCommand;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.domain.user.User;
import org.junit.jupiter.api.Test;

class ExternalLoginServiceTest {

  private static final String GOOGLE = "https://accounts.google.com";

  private final AuthFixture f = new AuthFixture();
  private final ExternalLoginService external = f.external();

  @Test
  void aFirstLoginCreatesAVerifiedUserAndLaterLoginsFindItBySubject() {
    User first = external.login(
        new ExternalLoginCommand(GOOGLE, "sub-1", "Ada@Example.org", true, "Ada", null));

    assertThat(first.email()).isEqualTo("ada@example.org");
    assertThat(first.verifiedEmail()).isTrue();

    User again = external.login(
        new ExternalLoginCommand(GOOGLE, "sub-1", "ada.new@example.org", true, null, null));
    assertThat(again.id())
        .as("the subject, not the changed address, identifies the person")
        .isEqualTo(first.id());
  }

  @Test
  void aVerifiedAddressLinksToTheExistingAccount() {
    User existing = f.provision.provision(ProvisionUserCommand.byEmail("ada@example.org"));

    User linked = external.login(
        new ExternalLoginCommand(GOOGLE, "sub-2", "ada@example.org", true, null, null));

    assertThat(linked.id()).isEqualTo(existing.id());
    assertThat(f.identities.find(GOOGLE, "sub-2").orElseThrow().user()).isEqualTo(existing.id());
  }

  @Test
  void anUnverifiedAddressNeverTakesOverAnExistingAccount() {
    f.provision.provision(ProvisionUserCommand.byEmail("ada@example.org"));

    assertThatThrownBy(() -> external.login(new ExternalLoginCommand(
            "https://sloppy.idp", "x", "ada@example.org", false, null, null)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(f.identities.find("https://sloppy.idp", "x")).isEmpty();
  }

  @Test
  void anUnverifiedNewAddressGetsAnUnverifiedAccount() {
    User user = external.login(
        new ExternalLoginCommand("https://idp", "y", "new@example.org", false, null, null));

    assertThat(user.verifiedEmail()).isFalse();
  }

  @Test
  void aProviderWithoutAnAddressIsRefused() {
    assertThatThrownBy(() ->
            external.login(new ExternalLoginCommand(GOOGLE, "sub-3", null, false, null, null)))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void theProvidersPictureIsKeptAndALaterOneReplacesIt() {
    User user = external.login(picture("sub-p", "https://lh3.googleusercontent.com/a/first=s96-c"));
    assertThat(f.identities.find(GOOGLE, "sub-p").orElseThrow().picture())
        .isEqualTo("https://lh3.googleusercontent.com/a/first=s96-c");

    external.login(picture("sub-p", "https://lh3.googleusercontent.com/a/second=s96-c"));

    assertThat(f.identities.latestPicture(user.id()))
        .contains("https://lh3.googleusercontent.com/a/second=s96-c");
  }

  @Test
  void aLoginWithoutAPictureKeepsNoneAndLeavesAStoredOneAlone() {
    User user = external.login(picture("sub-q", null));
    assertThat(f.identities.find(GOOGLE, "sub-q").orElseThrow().picture()).isNull();
    assertThat(f.identities.latestPicture(user.id())).isEmpty();

    external.login(picture("sub-q", "https://idp.example/me.png"));
    external.login(picture("sub-q", null));

    assertThat(f.identities.latestPicture(user.id())).contains("https://idp.example/me.png");
  }

  @Test
  void aPictureThatIsNotAWebUrlIsDropped() {
    User user = external.login(picture("sub-r", "javascript:alert(1)"));

    assertThat(f.identities.find(GOOGLE, "sub-r").orElseThrow().picture()).isNull();
    assertThat(f.identities.latestPicture(user.id())).isEmpty();
  }

  private static ExternalLoginCommand picture(String subject, String picture) {
    return new ExternalLoginCommand(
        GOOGLE, subject, subject + "@example.org", true, null, null, picture);
  }
}
