package io.khoj4j.adapter.web.in.auth;

import io.khoj4j.adapter.web.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /login?next=}: where Khoj sends a browser that needs to sign in (the token pages redirect here). khoj4j
 * serves no web pages, so this answers what a client can do next: a caller who is already signed in goes straight
 * to {@code next}; with single sign-on configured, the browser goes on to the provider at {@code /auth/login}; else
 * a short JSON answer names the ways to sign in.
 */
@Path("/login")
@PermitAll
public class LoginResource {

  static final String HOW_TO_SIGN_IN = "Sign in to continue.";

  private final CurrentUser currentUser;
  private final boolean oidcEnabled;

  public LoginResource(
      CurrentUser currentUser,
      @ConfigProperty(name = "khoj.oidc.enabled", defaultValue = "false") boolean oidcEnabled) {
    this.currentUser = currentUser;
    this.oidcEnabled = oidcEnabled;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response login(@QueryParam("next") String next) {
    String target = SafeRedirect.of(next);
    if (currentUser.find().isPresent()) {
      return Response.status(303).header(HttpHeaders.LOCATION, target).build();
    }
    if (oidcEnabled) {
      String provider = "/auth/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
      return Response.status(303).header(HttpHeaders.LOCATION, provider).build();
    }
    Map<String, String> ways = new LinkedHashMap<>();
    ways.put("magic_link", "POST /auth/magic with JSON {\"email\": \"<your address>\"}, then open the mailed link");
    ways.put("password", "POST /auth/login with JSON {\"email\", \"password\"} (accounts that have a password)");
    ways.put("api_token", "send the header Authorization: Bearer kk-... (an API token from your administrator)");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detail", HOW_TO_SIGN_IN);
    body.put("next", target);
    body.put("sign_in", ways);
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
