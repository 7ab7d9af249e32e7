package io.khoj4j.adapter.web.security;

import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;

/** Who is calling, as carried by the security identity of a request. */
public record AuthenticatedUser(UserId id, String username, String email, boolean admin) {

  public static final String ATTRIBUTE = "khoj4j.user";

  public static AuthenticatedUser of(User user) {
    return new AuthenticatedUser(user.id(), user.username(), user.email(), user.admin());
  }
}
