package io.khoj4j.adapter.web.security;

import io.khoj4j.domain.user.UserId;
import io.quarkus.security.AuthenticationFailedException;
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

  /**
   * The caller, or empty when the request carried no credential that checks out. A bearer value that no mechanism
   * accepts (Emacs sends {@code Bearer nil} without a key, which the single sign-on provider's mechanism then fails to
   * verify) is no caller, not an error: a route open to anyone (the ping) still answers.
   */
  public Optional<AuthenticatedUser> find() {
    try {
      if (identity.isAnonymous()) {
        return Optional.empty();
      }
    } catch (AuthenticationFailedException notACredential) {
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
