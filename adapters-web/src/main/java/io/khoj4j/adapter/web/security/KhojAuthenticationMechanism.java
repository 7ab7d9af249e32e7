package io.khoj4j.adapter.web.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves who is calling. In single-user mode every request is the built-in default user, whatever it sends
 * (Khoj's Emacs client sends {@code Authorization: Bearer nil} when no key is set). Otherwise this mechanism
 * stays silent, and protected routes answer 403 {"detail":"Forbidden"}.
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
    if (singleUserMode) {
      return identities.authenticate(new SingleUserAuthenticationRequest());
    }
    return Uni.createFrom().nullItem();
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(403, null, null));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(SingleUserAuthenticationRequest.class);
  }

  @Override
  public int getPriority() {
    return PRIORITY;
  }
}
