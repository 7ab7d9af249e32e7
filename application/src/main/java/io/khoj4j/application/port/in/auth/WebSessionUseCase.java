package io.khoj4j.application.port.in.auth;

import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.util.Optional;

/** Browser sessions: started after a successful login, checked on every request that carries the cookie. */
public interface WebSessionUseCase {

  SignedIn start(StartSessionCommand command);

  /** The session's user, or empty when the secret is unknown, expired or its user is gone. */
  Optional<User> authenticate(AuthenticateSessionQuery query);

  /** Ends the session; ending an unknown session is not an error (sign-out is idempotent). */
  void end(EndSessionCommand command);

  record StartSessionCommand(UserId user) {}

  record AuthenticateSessionQuery(String secret) {
    @Override
    public String toString() {
      return "AuthenticateSessionQuery[…]";
    }
  }

  record EndSessionCommand(String secret) {
    @Override
    public String toString() {
      return "EndSessionCommand[…]";
    }
  }
}
