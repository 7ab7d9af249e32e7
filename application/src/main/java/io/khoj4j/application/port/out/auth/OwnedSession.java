package io.khoj4j.application.port.out.auth;

import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.WebSession;
import java.util.Objects;

/** A browser session read together with its user: what authenticating a request needs, in one lookup. */
public record OwnedSession(WebSession session, User owner) {

  public OwnedSession {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(owner, "owner");
    if (!session.owner().equals(owner.id())) {
      throw new IllegalArgumentException("the session belongs to another user");
    }
  }
}
