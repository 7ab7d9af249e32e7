package io.khoj4j.application.port.out.auth;

import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.UserId;
import io.khoj4j.domain.user.WebSession;
import java.time.Instant;
import java.util.Optional;

/** Browser sessions, found by the hash of the cookie's secret. */
public interface WebSessionRepository {

  void insert(WebSession session);

  /** The session with this hash and its user, read in one statement: every request with a cookie runs it. */
  Optional<OwnedSession> findWithOwner(SecretHash hash);

  void delete(SecretHash hash);

  /** Ends every session of the user (after a password change or an administrator's action). */
  int deleteByOwner(UserId owner);

  /** Removes sessions that expired before {@code now}; returns how many. */
  int deleteExpired(Instant now);
}
