package io.khoj4j.application.service.auth;

import io.khoj4j.application.error.UnauthenticatedException;
import io.khoj4j.application.port.in.auth.PasswordLoginCommand;
import io.khoj4j.application.port.in.auth.PasswordLoginUseCase;
import io.khoj4j.application.port.in.auth.SignedIn;
import io.khoj4j.application.port.in.auth.WebSessionUseCase;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.StartSessionCommand;
import io.khoj4j.application.port.out.auth.PasswordHasher;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.PasswordHash;
import io.khoj4j.domain.user.User;
import java.util.Optional;

/**
 * Password sign-in. Every attempt counts against the address and the client before the password is checked, and an
 * unknown address costs the same hashing work as a known one, so neither guessing nor timing reveals accounts.
 */
public final class PasswordLoginService implements PasswordLoginUseCase {

  static final String INVALID = "Invalid email or password.";
  static final String TOO_MANY = "Too many sign-in attempts. Try again later.";

  private final UserRepository users;
  private final PasswordHasher hasher;
  /** Checked when the address has no password, so that every failure costs one full hash computation. */
  private final PasswordHash decoy;

  private final AttemptGuard guard;
  private final LoginLimits limits;
  private final WebSessionUseCase sessions;

  public PasswordLoginService(
      UserRepository users,
      PasswordHasher hasher,
      RateLimiter limiter,
      LoginLimits limits,
      WebSessionUseCase sessions) {
    this.users = users;
    this.hasher = hasher;
    this.decoy = hasher.hash("decoy password that is never anybody's");
    this.guard = new AttemptGuard(limiter);
    this.limits = limits;
    this.sessions = sessions;
  }

  @Override
  public SignedIn login(PasswordLoginCommand command) {
    guard.attempt(
        limits.passwordPerAddress(),
        command.email(),
        limits.passwordPerClient(),
        command.clientAddress(),
        TOO_MANY);
    Optional<User> user = users.findByEmail(command.email());
    Optional<PasswordHash> hash = user.flatMap(u -> users.findPasswordHash(u.id()));
    boolean matches = hasher.matches(hash.orElse(decoy), command.password()) && hash.isPresent();
    if (!matches) {
      throw new UnauthenticatedException(INVALID);
    }
    return sessions.start(new StartSessionCommand(user.get().id()));
  }
}
