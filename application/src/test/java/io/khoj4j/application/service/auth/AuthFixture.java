package io.khoj4j.application.service.auth;

import io.khoj4j.application.port.out.auth.FastPasswordHasher;
import io.khoj4j.application.port.out.auth.InMemoryExternalIdentityRepository;
import io.khoj4j.application.port.out.auth.InMemoryLoginCodeRepository;
import io.khoj4j.application.port.out.auth.InMemoryWebSessionRepository;
import io.khoj4j.application.port.out.auth.RecordingLoginLinkSender;
import io.khoj4j.application.port.out.ratelimit.InMemoryRateLimiter;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.FixedSecretGenerator;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.application.service.user.EnsureAdminAccountService;
import io.khoj4j.application.service.user.ProvisionUserService;
import java.net.URI;

/** The auth services wired on in-memory fakes, sharing one clock. */
final class AuthFixture {

  final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  final InMemoryUserRepository users = new InMemoryUserRepository();
  final InMemoryWebSessionRepository sessionStore = new InMemoryWebSessionRepository(users);
  final InMemoryLoginCodeRepository codes = new InMemoryLoginCodeRepository();
  final InMemoryExternalIdentityRepository identities = new InMemoryExternalIdentityRepository();
  final RecordingLoginLinkSender mail = new RecordingLoginLinkSender();
  final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
  final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  final FixedSecretGenerator secrets = new FixedSecretGenerator();
  final ProvisionUserService provision =
      new ProvisionUserService(users, unitOfWork, new SequentialIdGenerator(), clock);
  final WebSessionService sessions =
      new WebSessionService(sessionStore, users, secrets, unitOfWork, clock);
  final FastPasswordHasher hasher = new FastPasswordHasher();
  final EnsureAdminAccountService admin =
      new EnsureAdminAccountService(users, provision, hasher, unitOfWork);

  LoginLinkService loginLinks(boolean openSignUp) {
    return new LoginLinkService(
        users,
        identities,
        provision,
        codes,
        mail,
        limiter,
        LoginLimits.defaults(),
        sessions,
        secrets,
        unitOfWork,
        clock,
        URI.create("https://khoj.example/"),
        openSignUp);
  }

  PasswordLoginService passwords() {
    return new PasswordLoginService(users, hasher, limiter, LoginLimits.defaults(), sessions);
  }

  ExternalLoginService external() {
    return new ExternalLoginService(users, identities, provision, unitOfWork);
  }
}
