package io.khoj4j.adapter.web.in.auth;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.read;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.adapter.web.WebSlice;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.auth.LoginLinkUseCase;
import io.khoj4j.application.port.in.auth.PasswordLoginCommand;
import io.khoj4j.application.port.in.auth.RedeemLoginLinkCommand;
import io.khoj4j.application.port.in.auth.RequestLoginLinkCommand;
import io.khoj4j.application.port.in.auth.SignedIn;
import io.khoj4j.application.port.in.auth.WebSessionUseCase;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.AuthenticateSessionQuery;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.EndSessionCommand;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.StartSessionCommand;
import io.khoj4j.domain.user.User;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Slice test of {@link AuthResource}: what each way of signing in hands the core (the client's address from the
 * connection, the caller's id for single sign-on) and the session cookie and redirect it answers with.
 */
class AuthResourceTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final User USER =
      new User(ALICE, "alice", "alice@example.org", "", "", true, false, NOW);
  private static final SignedIn SIGNED_IN = new SignedIn(USER, "s3cret", NOW.plusSeconds(3600));
  private static final HttpServerRequest FROM_LOOPBACK = (HttpServerRequest) Proxy.newProxyInstance(
      AuthResourceTest.class.getClassLoader(),
      new Class<?>[] {HttpServerRequest.class},
      (proxy, method, args) -> {
        if (method.getName().equals("remoteAddress")) {
          return SocketAddress.inetSocketAddress(50000, "127.0.0.7");
        }
        throw new UnsupportedOperationException(method.getName());
      });

  private final List<Object> received = new ArrayList<>();

  private final WebSessionUseCase sessions = new WebSessionUseCase() {
    @Override
    public SignedIn start(StartSessionCommand c) {
      received.add(c);
      return SIGNED_IN;
    }

    @Override
    public Optional<User> authenticate(AuthenticateSessionQuery q) {
      throw new AssertionError("not used");
    }

    @Override
    public void end(EndSessionCommand c) {
      received.add(c);
    }
  };

  private final LoginLinkUseCase links = new LoginLinkUseCase() {
    @Override
    public void request(RequestLoginLinkCommand c) {
      received.add(c);
    }

    @Override
    public SignedIn redeem(RedeemLoginLinkCommand c) {
      received.add(c);
      return SIGNED_IN;
    }
  };

  private AuthResource resource(CurrentUser caller, boolean oidcEnabled) {
    return new AuthResource(
        caller,
        sessions,
        c -> {
          received.add(c);
          return SIGNED_IN;
        },
        links,
        Clock.fixed(NOW, ZoneOffset.UTC),
        false,
        oidcEnabled);
  }

  private final AuthResource resource = resource(WebSlice.anonymous(), false);

  @Test
  void passwordLoginSetsAnHttpOnlySessionCookieAndPassesTheClientAddress() {
    Response response = resource.passwordLoginJson(
        read(
            "{\"email\":\"Alice@Example.org\",\"password\":\"pw\"}",
            AuthResource.PasswordLogin.class),
        FROM_LOOPBACK);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(json(response.getEntity())).isEqualTo("{\"status\":\"ok\"}");
    NewCookie cookie = response.getCookies().get("session");
    assertThat(cookie.getValue()).isEqualTo("s3cret");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.getMaxAge()).isEqualTo(3600);
    assertThat(received)
        .containsExactly(new PasswordLoginCommand("alice@example.org", "pw", "127.0.0.7"));
  }

  @Test
  void passwordLoginWithoutEmailOrPasswordIsAValidationErrorAndNoSession() {
    rejects(() -> resource.passwordLoginJson(null, FROM_LOOPBACK), "body", "email");
    rejects(
        () -> resource.passwordLoginJson(
            new AuthResource.PasswordLogin("a@b.c", null), FROM_LOOPBACK),
        "body",
        "password");
    rejects(() -> resource.passwordLoginForm(null, "pw", null, FROM_LOOPBACK), "body", "email");
    assertThat(received).isEmpty();
  }

  @Test
  void theFormLoginRedirectsOnlyToAPathOnThisServer() {
    Response local =
        resource.passwordLoginForm("alice@example.org", "pw", "/chat?c=1", FROM_LOOPBACK);
    Response elsewhere =
        resource.passwordLoginForm("alice@example.org", "pw", "//evil.example", FROM_LOOPBACK);

    assertThat(local.getStatus()).isEqualTo(303);
    assertThat(local.getHeaderString("Location")).isEqualTo("/chat?c=1");
    assertThat(elsewhere.getHeaderString("Location")).isEqualTo("/");
    assertThat(local.getCookies()).containsKey("session");
  }

  @Test
  void askingForAMagicLinkClearsAnySessionAndNormalisesTheAddress() {
    Response response = resource.requestMagicLink(
        new AuthResource.MagicLinkRequest(" Alice@Example.org "), FROM_LOOPBACK);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getCookies().get("session").getMaxAge()).isZero();
    assertThat(received)
        .containsExactly(new RequestLoginLinkCommand("alice@example.org", "127.0.0.7"));
  }

  @Test
  void aMagicLinkRequestWithoutOrWithABadAddressIsAValidationError() {
    rejects(() -> resource.requestMagicLink(null, FROM_LOOPBACK), "body", "email");
    assertThat(rejects(
                () -> resource.requestMagicLink(
                    new AuthResource.MagicLinkRequest("not an address"), FROM_LOOPBACK),
                "body",
                "email")
            .msg())
        .startsWith("value is not a valid email address");
    assertThat(received).isEmpty();
  }

  @Test
  void redeemingALinkSignsInAndGoesHome() {
    Response response = resource.redeemMagicLink(" c0de ", "Alice@Example.org", FROM_LOOPBACK);

    assertThat(response.getStatus()).isEqualTo(307);
    assertThat(response.getHeaderString("Location")).isEqualTo("/");
    assertThat(response.getCookies().get("session").getValue()).isEqualTo("s3cret");
    assertThat(received)
        .containsExactly(new RedeemLoginLinkCommand("alice@example.org", "c0de", "127.0.0.7"));

    received.clear();
    rejects(() -> resource.redeemMagicLink(null, "a@b.c", FROM_LOOPBACK), "query", "code");
    rejects(() -> resource.redeemMagicLink("c0de", " ", FROM_LOOPBACK), "query", "email");
    assertThat(received).isEmpty();
  }

  @Test
  void logoutEndsTheCookiesSessionAndClearsIt() {
    Response response = resource.logout("s3cret");

    assertThat(response.getStatus()).isEqualTo(307);
    assertThat(response.getCookies().get("session").getValue()).isEmpty();
    assertThat(received).hasSize(1);
    assertThat(((EndSessionCommand) received.getFirst()).secret()).isEqualTo("s3cret");
  }

  @Test
  void singleSignOnStartsASessionForTheSignedInCallerOrIs404WhenOff() {
    Response response = resource(WebSlice.alice(), true).singleSignOn("/settings");

    assertThat(response.getStatus()).isEqualTo(303);
    assertThat(response.getHeaderString("Location")).isEqualTo("/settings");
    assertThat(response.getCookies()).containsKeys("session", "q_session");
    assertThat(received).containsExactly(new StartSessionCommand(ALICE));

    assertThatThrownBy(() -> resource.singleSignOn("/")).isInstanceOf(NotFoundException.class);
  }
}
