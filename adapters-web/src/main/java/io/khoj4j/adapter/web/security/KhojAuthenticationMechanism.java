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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves who is calling from khoj4j's own credentials, in Khoj's order: an API token ({@code Authorization: Bearer
 * kk-…}) names its owner; otherwise, in single-user mode, the caller is the built-in default user whatever it sent
 * (Khoj's Emacs client sends {@code Bearer nil} when no key is set, Obsidian an empty {@code Bearer }). Anything else
 * is left to other mechanisms (OIDC); a protected route then answers 403 {"detail":"Forbidden"}.
 */
@ApplicationScoped
public class KhojAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Above quarkus-oidc's mechanism, so khoj4j tokens are tried first and OIDC sees the rest. */
  static final int PRIORITY = 2000;

  private final boolean singleUserMode;

  public KhojAuthenticationMechanism(
      @ConfigProperty(name = "khoj.anonymous-mode", defaultValue = "false") boolean singleUserMode) {
    this.singleUserMode = singleUserMode;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
    String token = bearerToken(context);
    Uni<SecurityIdentity> fromToken =
        token != null && token.startsWith(ApiToken.PREFIX)
            ? identities
                .authenticate(new ApiTokenAuthenticationRequest(token))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithNull()
            : Uni.createFrom().nullItem();
    if (!singleUserMode) {
      return fromToken;
    }
    return fromToken.onItem().ifNull().switchTo(() -> identities.authenticate(new SingleUserAuthenticationRequest()));
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
    return Set.of(ApiTokenAuthenticationRequest.class, SingleUserAuthenticationRequest.class);
  }

  @Override
  public int getPriority() {
    return PRIORITY;
  }
}
