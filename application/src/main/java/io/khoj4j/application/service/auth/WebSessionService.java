package io.khoj4j.application.service.auth;

import io.khoj4j.application.port.in.auth.SignedIn;
import io.khoj4j.application.port.in.auth.WebSessionUseCase;
import io.khoj4j.application.port.out.auth.OwnedSession;
import io.khoj4j.application.port.out.auth.WebSessionRepository;
import io.khoj4j.application.port.out.shared.SecretGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.WebSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side browser sessions. The cookie holds 256 random bits; the database holds their hash and the expiry, so
 * a session ends everywhere the moment it is deleted, and a stolen database holds no usable cookie.
 */
public final class WebSessionService implements WebSessionUseCase {

  private static final int SECRET_BYTES = 32;

  private final WebSessionRepository sessions;
  private final UserRepository users;
  private final SecretGenerator secrets;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public WebSessionService(
      WebSessionRepository sessions,
      UserRepository users,
      SecretGenerator secrets,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.sessions = sessions;
    this.users = users;
    this.secrets = secrets;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public SignedIn start(StartSessionCommand command) {
    User user =
        users.findById(command.user()).orElseThrow(() -> new IllegalStateException("no such user"));
    String secret = secrets.urlSafeSecret(SECRET_BYTES);
    Instant now = clock.instant();
    WebSession session =
        new WebSession(SecretHash.of(secret), user.id(), now, now.plus(WebSession.LIFETIME));
    unitOfWork.run(() -> sessions.insert(session));
    return new SignedIn(user, secret, session.expiresAt());
  }

  @Override
  public Optional<User> authenticate(AuthenticateSessionQuery query) {
    if (query.secret() == null || query.secret().isBlank() || query.secret().length() > 128) {
      return Optional.empty();
    }
    SecretHash hash = SecretHash.of(query.secret());
    Optional<OwnedSession> found = sessions.findWithOwner(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (found.get().session().expiredAt(clock.instant())) {
      unitOfWork.run(() -> sessions.delete(hash));
      return Optional.empty();
    }
    return Optional.of(found.get().owner());
  }

  @Override
  public void end(EndSessionCommand command) {
    if (command.secret() == null || command.secret().isBlank()) {
      return;
    }
    unitOfWork.run(() -> sessions.delete(SecretHash.of(command.secret())));
  }
}
