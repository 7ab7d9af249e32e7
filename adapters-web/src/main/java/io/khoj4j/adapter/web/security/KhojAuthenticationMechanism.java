package io.khoj4j.adapter.web.security;

import io.khoj4j.domain.user.ApiToken;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves who is calling from khoj4j's own credentials, in Khoj's order: the browser's {@code session} cookie, then
 * an API token ({@code Authorization: Bearer kk-…}), then, in single-user mode, the built-in default user whatever
 * the request sent (Khoj's Emacs client sends {@code Bearer nil} when no key is set, Obsidian an empty
 * {@code Bearer }). A credential that does not check out is ignored, not an error: the next one is tried, and other
 * mechanisms (OpenID Connect bearer tokens) see the request after this one.
 *
 * <p>Without a user, a protected route answers the contract's {@code 403 {"detail":"Forbidden"}} (see
 * {@code ErrorMappers}, which also sends browsers on the token pages to the login page).
 */
@ApplicationScoped
public class KhojAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Above quarkus-oidc's mechanism, so khoj4j credentials are tried first and OIDC sees the rest. */
  static final int PRIORITY = 2000;

  private final boolean singleUserMode;

  public KhojAuthenticationMechanism(
      @ConfigProperty(name = "khoj.anonymous-mode", defaultValue = "false")
          boolean singleUserMode) {
    this.singleUserMode = singleUserMode;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identities) {
    String session = SessionCookie.read(context);
    String token = bearerToken(context);
    Uni<SecurityIdentity> identity = session == null
        ? none()
        : attempt(identities, new WebSessionAuthenticationRequest(session));
    if (token != null && token.startsWith(ApiToken.PREFIX)) {
      identity =
          orElse(identity, () -> attempt(identities, new ApiTokenAuthenticationRequest(token)));
    }
    if (singleUserMode) {
      identity =
          orElse(identity, () -> identities.authenticate(new SingleUserAuthenticationRequest()));
    }
    return identity;
  }

  private static Uni<SecurityIdentity> attempt(
      IdentityProviderManager identities, AuthenticationRequest request) {
    return identities
        .authenticate(request)
        .onFailure(AuthenticationFailedException.class)
        .recoverWithNull();
  }

  private static Uni<SecurityIdentity> orElse(
      Uni<SecurityIdentity> first, Supplier<Uni<SecurityIdentity>> next) {
    return first.onItem().ifNull().switchTo(next::get);
  }

  private static Uni<SecurityIdentity> none() {
    return Uni.createFrom().nullItem();
  }

  private static String bearerToken(RoutingContext context) {
    String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(403, null, null));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(
        WebSessionAuthenticationRequest.class,
        ApiTokenAuthenticationRequest.class,
        SingleUserAuthenticationRequest.class);
  }

  @Override
  public int getPriority() {
    return PRIORITY;
  }
}
