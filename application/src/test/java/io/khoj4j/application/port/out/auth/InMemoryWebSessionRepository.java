package io.khoj4j.application.port.out.auth;

import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.UserId;
import io.khoj4j.domain.user.WebSession;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of {@link WebSessionRepository}; passes {@link WebSessionRepositoryContract} like the real adapter. */
public final class InMemoryWebSessionRepository implements WebSessionRepository {

  private final Map<SecretHash, WebSession> sessions = new ConcurrentHashMap<>();
  private final UserRepository users;

  /** {@code users}: where the sessions' owners are (the real table has a foreign key to them). */
  public InMemoryWebSessionRepository(UserRepository users) {
    this.users = users;
  }

  @Override
  public void insert(WebSession session) {
    sessions.put(session.hash(), session);
  }

  /** The stored session, whoever owns it (for tests that look at the store). */
  public Optional<WebSession> find(SecretHash hash) {
    return Optional.ofNullable(sessions.get(hash));
  }

  @Override
  public Optional<OwnedSession> findWithOwner(SecretHash hash) {
    return find(hash)
        .flatMap(s -> users.findById(s.owner()).map(owner -> new OwnedSession(s, owner)));
  }

  @Override
  public void delete(SecretHash hash) {
    sessions.remove(hash);
  }

  @Override
  public int deleteByOwner(UserId owner) {
    int before = sessions.size();
    sessions.values().removeIf(s -> s.owner().equals(owner));
    return before - sessions.size();
  }

  @Override
  public int deleteExpired(Instant now) {
    int before = sessions.size();
    sessions.values().removeIf(s -> s.expiredAt(now));
    return before - sessions.size();
  }

  public int size() {
    return sessions.size();
  }
}
