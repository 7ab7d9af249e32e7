package io.khoj4j.adapter.web.security;

import io.khoj4j.domain.user.User;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the security identity of a khoj4j user: principal = user id, roles {@code user} and maybe {@code admin}. */
final class Identities {

  static final String ROLE_USER = "user";
  static final String ROLE_ADMIN = "admin";

  private Identities() {}

  static SecurityIdentity of(User user) {
    QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(user.id().toString()))
        .addRole(ROLE_USER)
        .addAttribute(AuthenticatedUser.ATTRIBUTE, AuthenticatedUser.of(user));
    if (user.admin()) {
      builder.addRole(ROLE_ADMIN);
    }
    return builder.build();
  }
}
