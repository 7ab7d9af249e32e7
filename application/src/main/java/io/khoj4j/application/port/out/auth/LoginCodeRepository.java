package io.khoj4j.application.port.out.auth;

import io.khoj4j.domain.user.LoginCode;
import io.khoj4j.domain.user.UserId;
import java.util.Optional;

/** The live magic-link code of each user: at most one; a new code replaces the previous one. */
public interface LoginCodeRepository {

  void replace(LoginCode code);

  Optional<LoginCode> find(UserId owner);

  /** Deletes the user's code if it is still {@code code}; true when this call consumed it (single use). */
  boolean consume(LoginCode code);
}
