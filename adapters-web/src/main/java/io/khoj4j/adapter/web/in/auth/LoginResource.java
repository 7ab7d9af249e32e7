package io.khoj4j.adapter.web.in.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.in.page.StaticExport;
import io.khoj4j.adapter.web.in.page.WebPage;
import io.khoj4j.adapter.web.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /login?next=}: where Khoj sends a browser that needs to sign in (the token pages redirect here). A caller
 * who is already signed in goes straight to {@code next}. A browser (one whose {@code Accept} names HTML) gets the
 * web client's sign-in page. Other clients keep the JSON answers: with single sign-on configured, a redirect to the
 * provider at {@code /auth/login}; else a short JSON answer that names the ways to sign in.
 */
@Path("/login")
@PermitAll
public class LoginResource {

  static final String HOW_TO_SIGN_IN = "Sign in to continue.";

  private final CurrentUser currentUser;
  private final boolean oidcEnabled;
  private final StaticExport export;

  public LoginResource(
      CurrentUser currentUser,
      @ConfigProperty(name = "khoj.oidc.enabled", defaultValue = "false") boolean oidcEnabled,
      StaticExport export) {
    this.currentUser = currentUser;
    this.oidcEnabled = oidcEnabled;
    this.export = export;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  public Response login(@QueryParam("next") String next, @Context HttpHeaders headers) {
    String target = SafeRedirect.of(next);
    if (currentUser.find().isPresent()) {
      return Response.status(303).header(HttpHeaders.LOCATION, target).build();
    }
    if (WebPage.wanted(headers.getRequestHeader(HttpHeaders.ACCEPT))) {
      // A browser gets the sign-in page, which offers every way this server has (the OIDC button
      // only when set up).
      return export
          .page("login")
          .orElseGet(() -> WebPage.of(
              "login", "Sign in", Map.of("next", target, "oidc", String.valueOf(oidcEnabled))));
    }
    if (oidcEnabled) {
      String provider = "/auth/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
      return Response.status(303).header(HttpHeaders.LOCATION, provider).build();
    }
    return Response.ok(
            new HowToSignIn(HOW_TO_SIGN_IN, target, SignInWays.OFFERED),
            MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** The JSON answer to a signed-out API client: how to sign in, and where it will be sent after. */
  public record HowToSignIn(
      String detail, String next, @JsonProperty("sign_in") SignInWays signIn) {}

  /** Each way to sign in, as a short instruction. */
  public record SignInWays(
      @JsonProperty("magic_link") String magicLink,
      String password,
      @JsonProperty("api_token") String apiToken) {

    static final SignInWays OFFERED = new SignInWays(
        "POST /auth/magic with JSON {\"email\": \"<your address>\"}, then open the mailed link",
        "POST /auth/login with JSON {\"email\", \"password\"} (accounts that have a password)",
        "send the header Authorization: Bearer kk-... (an API token from your administrator)");
  }
}
