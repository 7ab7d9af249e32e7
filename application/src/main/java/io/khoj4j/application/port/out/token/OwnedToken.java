package io.khoj4j.application.port.out.token;

import io.khoj4j.domain.user.ApiToken;
import io.khoj4j.domain.user.User;
import java.util.Objects;

/** An API token read together with the user who owns it: what authenticating a request needs, in one lookup. */
public record OwnedToken(ApiToken token, User owner) {

  public OwnedToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(owner, "owner");
    if (!token.owner().equals(owner.id())) {
      throw new IllegalArgumentException("the token belongs to another user");
    }
  }
}
