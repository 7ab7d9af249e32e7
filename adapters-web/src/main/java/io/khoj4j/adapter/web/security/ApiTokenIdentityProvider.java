package io.khoj4j.adapter.web.security;

import io.khoj4j.application.port.in.token.AuthenticateApiTokenQuery;
import io.khoj4j.application.port.in.token.AuthenticateApiTokenUseCase;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks the token's hash up (off the event loop) and builds the identity of its owner; null when unknown. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {

  private final AuthenticateApiTokenUseCase authenticate;

  public ApiTokenIdentityProvider(AuthenticateApiTokenUseCase authenticate) {
    this.authenticate = authenticate;
  }

  @Override
  public Class<ApiTokenAuthenticationRequest> getRequestType() {
    return ApiTokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      ApiTokenAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(() -> WithRequestContext.call(() -> authenticate
        .authenticate(new AuthenticateApiTokenQuery(request.token()))
        .map(Identities::of)
        .orElse(null)));
  }
}
