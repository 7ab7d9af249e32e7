package io.khoj4j.adapter.web.security;

import io.khoj4j.domain.user.UserId;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The caller of the current request. Resources hand {@link #id()} to every use case they call. */
@RequestScoped
public class CurrentUser {

  private final SecurityIdentity identity;

  public CurrentUser(SecurityIdentity identity) {
    this.identity = identity;
  }

  public Optional<AuthenticatedUser> find() {
    if (identity.isAnonymous()) {
      return Optional.empty();
    }
    return Optional.ofNullable(identity.getAttribute(AuthenticatedUser.ATTRIBUTE));
  }

  public AuthenticatedUser user() {
    return find().orElseThrow(UnauthorizedException::new);
  }

  public UserId id() {
    return user().id();
  }
}
