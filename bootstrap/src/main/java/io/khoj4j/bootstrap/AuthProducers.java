package io.khoj4j.bootstrap;

import io.khoj4j.application.port.in.auth.WebSessionUseCase;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.application.port.out.auth.ExternalIdentityRepository;
import io.khoj4j.application.port.out.auth.LoginCodeRepository;
import io.khoj4j.application.port.out.auth.LoginLinkSender;
import io.khoj4j.application.port.out.auth.PasswordHasher;
import io.khoj4j.application.port.out.auth.WebSessionRepository;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.application.port.out.shared.SecretGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.application.service.auth.ExternalLoginService;
import io.khoj4j.application.service.auth.LoginLimits;
import io.khoj4j.application.service.auth.LoginLinkService;
import io.khoj4j.application.service.auth.PasswordLoginService;
import io.khoj4j.application.service.auth.WebSessionService;
import io.khoj4j.application.service.user.EnsureAdminAccountService;
import io.khoj4j.application.service.user.ListUsersService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-in: browser sessions, passwords, magic links, OpenID Connect users, and the administrator account. */
@ApplicationScoped
public class AuthProducers {

  @Produces
  @Singleton
  WebSessionService webSessions(
      WebSessionRepository sessions,
      UserRepository users,
      SecretGenerator secrets,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new WebSessionService(sessions, users, secrets, unitOfWork, clock);
  }

  @Produces
  @Singleton
  LoginLimits loginLimits() {
    return LoginLimits.defaults();
  }

  @Produces
  @Singleton
  PasswordLoginService passwordLogin(
      UserRepository users,
      PasswordHasher hasher,
      RateLimiter limiter,
      LoginLimits limits,
      WebSessionUseCase sessions) {
    return new PasswordLoginService(users, hasher, limiter, limits, sessions);
  }

  @Produces
  @Singleton
  LoginLinkService loginLinks(
      UserRepository users,
      ExternalIdentityRepository identities,
      ProvisionUserUseCase provision,
      LoginCodeRepository codes,
      LoginLinkSender sender,
      RateLimiter limiter,
      LoginLimits limits,
      WebSessionUseCase sessions,
      SecretGenerator secrets,
      UnitOfWork unitOfWork,
      Clock clock,
      @ConfigProperty(name = "khoj.domain") Optional<String> domain,
      @ConfigProperty(name = "khoj.no-https", defaultValue = "false") boolean noHttps,
      @ConfigProperty(name = "quarkus.http.port", defaultValue = "42110") int port,
      @ConfigProperty(name = "khoj.auth.open-sign-up", defaultValue = "true") boolean openSignUp) {
    URI base = domain
        .filter(d -> !d.isBlank())
        .map(d -> URI.create((noHttps ? "http://" : "https://") + d + "/"))
        .orElse(URI.create("http://localhost:" + port + "/"));
    return new LoginLinkService(
        users,
        identities,
        provision,
        codes,
        sender,
        limiter,
        limits,
        sessions,
        secrets,
        unitOfWork,
        clock,
        base,
        openSignUp);
  }

  @Produces
  @Singleton
  ExternalLoginService externalLogin(
      UserRepository users,
      ExternalIdentityRepository identities,
      ProvisionUserUseCase provision,
      UnitOfWork unitOfWork) {
    return new ExternalLoginService(users, identities, provision, unitOfWork);
  }

  @Produces
  @Singleton
  EnsureAdminAccountService ensureAdminAccount(
      UserRepository users,
      ProvisionUserUseCase provision,
      PasswordHasher hasher,
      UnitOfWork unitOfWork) {
    return new EnsureAdminAccountService(users, provision, hasher, unitOfWork);
  }

  @Produces
  @Singleton
  ListUsersService listUsers(UserRepository users) {
    return new ListUsersService(users);
  }
}
