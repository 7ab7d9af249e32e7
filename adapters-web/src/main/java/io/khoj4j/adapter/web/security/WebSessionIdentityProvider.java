package io.khoj4j.adapter.web.security;

import io.khoj4j.application.port.in.auth.WebSessionUseCase;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.AuthenticateSessionQuery;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks the cookie's session up (off the event loop); null when it is unknown or expired. */
@ApplicationScoped
public class WebSessionIdentityProvider
    implements IdentityProvider<WebSessionAuthenticationRequest> {

  private final WebSessionUseCase sessions;

  public WebSessionIdentityProvider(WebSessionUseCase sessions) {
    this.sessions = sessions;
  }

  @Override
  public Class<WebSessionAuthenticationRequest> getRequestType() {
    return WebSessionAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      WebSessionAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(() -> WithRequestContext.call(() -> sessions
        .authenticate(new AuthenticateSessionQuery(request.secret()))
        .map(Identities::of)
        .orElse(null)));
  }
}
