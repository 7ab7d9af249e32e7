package io.khoj4j.adapter.web.in.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.adapter.web.security.SessionCookie;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.auth.LoginLinkUseCase;
import io.khoj4j.application.port.in.auth.PasswordLoginCommand;
import io.khoj4j.application.port.in.auth.PasswordLoginUseCase;
import io.khoj4j.application.port.in.auth.RedeemLoginLinkCommand;
import io.khoj4j.application.port.in.auth.RequestLoginLinkCommand;
import io.khoj4j.application.port.in.auth.SignedIn;
import io.khoj4j.application.port.in.auth.WebSessionUseCase;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.EndSessionCommand;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.StartSessionCommand;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browser sign-in and sign-out. Every way in ends the same: a server-side session in the {@code session} cookie.
 *
 * <ul>
 *   <li>{@code GET /auth/login}: single sign-on through the configured OpenID Connect provider. The extension runs
 *       the authorization-code flow on this path only (see {@code khoj.oidc.enabled}); when the browser comes back,
 *       this method swaps the provider's session for a khoj4j one and redirects to {@code next}.
 *   <li>{@code POST /auth/login}: e-mail and password (JSON or form), for accounts that have a password.
 *   <li>{@code POST /auth/magic} and {@code GET /auth/magic}: Khoj's magic link.
 *   <li>{@code GET /auth/logout}: ends the session everywhere.
 * </ul>
 */
@Path("/auth")
@PermitAll
public class AuthResource {

  private final CurrentUser currentUser;
  private final WebSessionUseCase sessions;
  private final PasswordLoginUseCase passwords;
  private final LoginLinkUseCase loginLinks;
  private final Clock clock;
  private final boolean secureCookies;
  private final boolean oidcEnabled;

  public AuthResource(
      CurrentUser currentUser,
      WebSessionUseCase sessions,
      PasswordLoginUseCase passwords,
      LoginLinkUseCase loginLinks,
      Clock clock,
      @ConfigProperty(name = "khoj.no-https", defaultValue = "false") boolean noHttps,
      @ConfigProperty(name = "khoj.oidc.enabled", defaultValue = "false") boolean oidcEnabled) {
    this.currentUser = currentUser;
    this.sessions = sessions;
    this.passwords = passwords;
    this.loginLinks = loginLinks;
    this.clock = clock;
    this.secureCookies = !noHttps;
    this.oidcEnabled = oidcEnabled;
  }

  public record PasswordLogin(String email, String password) {}

  public record MagicLinkRequest(@JsonProperty("email") String email) {}

  @GET
  @Path("/login")
  @Produces(MediaType.APPLICATION_JSON)
  public Response singleSignOn(@QueryParam("next") String next) {
    if (!oidcEnabled) {
      throw new NotFoundException(
          "Single sign-on is not configured on this server. Sign in with a magic link.");
    }
    // The authorization-code flow has run by now (the path's HTTP permission demands it); the
    // identity is the
    // provider's person, already mapped to a khoj4j user by OidcIdentityAugmentor.
    SignedIn signedIn = sessions.start(new StartSessionCommand(currentUser.id()));
    return Response.status(303)
        .header(HttpHeaders.LOCATION, SafeRedirect.of(next))
        .cookie(
            SessionCookie.issue(signedIn, clock.instant(), secureCookies),
            SessionCookie.clearOidcSession("/auth/login"))
        .build();
  }

  @POST
  @Path("/login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response passwordLoginJson(PasswordLogin body, @Context HttpServerRequest request) {
    if (body == null || body.email() == null || body.password() == null) {
      throw RequestValidationException.missing(
          "body", body == null || body.email() == null ? "email" : "password");
    }
    SignedIn signedIn =
        passwords.login(new PasswordLoginCommand(body.email(), body.password(), clientOf(request)));
    return Response.ok(StatusResponse.ok())
        .cookie(SessionCookie.issue(signedIn, clock.instant(), secureCookies))
        .build();
  }

  @POST
  @Path("/login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response passwordLoginForm(
      @FormParam("email") String email,
      @FormParam("password") String password,
      @QueryParam("next") String next,
      @Context HttpServerRequest request) {
    if (email == null || password == null) {
      throw RequestValidationException.missing("body", email == null ? "email" : "password");
    }
    SignedIn signedIn =
        passwords.login(new PasswordLoginCommand(email, password, clientOf(request)));
    return Response.status(303)
        .header(HttpHeaders.LOCATION, SafeRedirect.of(next))
        .cookie(SessionCookie.issue(signedIn, clock.instant(), secureCookies))
        .build();
  }

  @POST
  @Path("/magic")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response requestMagicLink(MagicLinkRequest body, @Context HttpServerRequest request) {
    if (body == null || body.email() == null) {
      throw RequestValidationException.missing("body", "email");
    }
    RequestLoginLinkCommand command;
    try {
      command = new RequestLoginLinkCommand(body.email(), clientOf(request));
    } catch (InvalidInputException invalid) {
      throw RequestValidationException.of(
          "body",
          "email",
          "value is not a valid email address: " + invalid.getMessage(),
          body.email());
    }
    loginLinks.request(command);
    return Response.ok().cookie(SessionCookie.clear(secureCookies)).build();
  }

  @GET
  @Path("/magic")
  public Response redeemMagicLink(
      @QueryParam("code") String code,
      @QueryParam("email") String email,
      @Context HttpServerRequest request) {
    if (code == null || code.isBlank()) {
      throw RequestValidationException.missing("query", "code");
    }
    if (email == null || email.isBlank()) {
      throw RequestValidationException.missing("query", "email");
    }
    SignedIn signedIn =
        loginLinks.redeem(new RedeemLoginLinkCommand(email, code, clientOf(request)));
    return Response.status(307)
        .header(HttpHeaders.LOCATION, "/")
        .cookie(SessionCookie.issue(signedIn, clock.instant(), secureCookies))
        .build();
  }

  @GET
  @Path("/logout")
  public Response logout(@CookieParam(SessionCookie.NAME) String session) {
    sessions.end(new EndSessionCommand(session));
    return Response.status(307)
        .header(HttpHeaders.LOCATION, "/")
        .cookie(SessionCookie.clear(secureCookies))
        .build();
  }

  /** The caller's IP as the HTTP layer sees it (the proxy's forwarded address when proxy forwarding is enabled). */
  static String clientOf(HttpServerRequest request) {
    return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
  }
}
