package io.khoj4j.adapter.web.security;

import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.domain.user.User;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves single-user mode to Khoj's built-in user ({@code default} / {@code default@example.com}), creating it on
 * first use. The user is looked up once and kept: it never changes while the server runs.
 */
@ApplicationScoped
public class SingleUserIdentityProvider
    implements IdentityProvider<SingleUserAuthenticationRequest> {

  private final ProvisionUserUseCase provisionUser;
  private volatile User defaultUser;

  public SingleUserIdentityProvider(ProvisionUserUseCase provisionUser) {
    this.provisionUser = provisionUser;
  }

  @Override
  public Class<SingleUserAuthenticationRequest> getRequestType() {
    return SingleUserAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      SingleUserAuthenticationRequest request, AuthenticationRequestContext context) {
    User cached = defaultUser;
    if (cached != null) {
      return Uni.createFrom().item(Identities.of(cached));
    }
    return context.runBlocking(() -> WithRequestContext.call(() -> Identities.of(defaultUser())));
  }

  private synchronized User defaultUser() {
    if (defaultUser == null) {
      defaultUser = provisionUser.provision(
          new ProvisionUserCommand(User.DEFAULT_EMAIL, User.DEFAULT_USERNAME, false, true));
    }
    return defaultUser;
  }
}
