package io.khoj4j.adapter.web.security;

import io.khoj4j.application.port.in.auth.SignedIn;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;

/**
 * The browser session cookie, named {@code session} as in Khoj. It carries only a random secret; HttpOnly keeps
 * scripts away from it, SameSite=Lax keeps other sites' forms from using it, Secure is set unless the operator runs
 * plain HTTP ({@code khoj.no-https}).
 */
public final class SessionCookie {

  public static final String NAME = "session";

  private SessionCookie() {}

  public static NewCookie issue(SignedIn signedIn, Instant now, boolean secure) {
    int maxAge = (int) Math.max(0, Duration.between(now, signedIn.expiresAt()).toSeconds());
    return new NewCookie.Builder(NAME)
        .value(signedIn.secret())
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }

  public static NewCookie clear(boolean secure) {
    return new NewCookie.Builder(NAME)
        .value("")
        .path("/")
        .maxAge(0)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }

  /** The OIDC extension's own session cookie, which khoj4j replaces with its session right after sign-in. */
  public static NewCookie clearOidcSession(String path) {
    return new NewCookie.Builder("q_session")
        .value("")
        .path(path)
        .maxAge(0)
        .httpOnly(true)
        .build();
  }

  static String read(RoutingContext context) {
    Cookie cookie = context.request().getCookie(NAME);
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }
}
