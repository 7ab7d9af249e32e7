package io.khoj4j.application.service.auth;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.error.UnauthenticatedException;
import io.khoj4j.application.port.in.auth.LoginLinkUseCase;
import io.khoj4j.application.port.in.auth.RedeemLoginLinkCommand;
import io.khoj4j.application.port.in.auth.RequestLoginLinkCommand;
import io.khoj4j.application.port.in.auth.SignedIn;
import io.khoj4j.application.port.in.auth.WebSessionUseCase;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.StartSessionCommand;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.application.port.out.auth.ExternalIdentityRepository;
import io.khoj4j.application.port.out.auth.LoginCodeRepository;
import io.khoj4j.application.port.out.auth.LoginLinkSender;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.application.port.out.shared.SecretGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.LoginCode;
import io.khoj4j.domain.user.User;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Magic-link sign-in, as Khoj's clients drive it: {@code POST /auth/magic} mails a link carrying a six-digit code,
 * {@code GET /auth/magic?code=&email=} redeems it once within five minutes. Requests and checks are both limited per
 * address and per client, shared across replicas, which is what makes a six-digit code safe.
 */
public final class LoginLinkService implements LoginLinkUseCase {

  static final String TOO_MANY_REQUESTS = "Too many login links requested. Try again later.";
  static final String TOO_MANY_CHECKS = "Too many login attempts. Try again later.";

  private final UserRepository users;
  private final ExternalIdentityRepository identities;
  private final ProvisionUserUseCase provision;
  private final LoginCodeRepository codes;
  private final LoginLinkSender sender;
  private final AttemptGuard guard;
  private final LoginLimits limits;
  private final WebSessionUseCase sessions;
  private final SecretGenerator secrets;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final URI baseUrl;
  private final boolean openSignUp;

  public LoginLinkService(
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
      URI baseUrl,
      boolean openSignUp) {
    this.users = users;
    this.identities = identities;
    this.provision = provision;
    this.codes = codes;
    this.sender = sender;
    this.guard = new AttemptGuard(limiter);
    this.limits = limits;
    this.sessions = sessions;
    this.secrets = secrets;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.openSignUp = openSignUp;
  }

  @Override
  public void request(RequestLoginLinkCommand command) {
    guard.attempt(
        limits.linkRequestPerAddress(),
        command.email(),
        limits.linkRequestPerClient(),
        command.clientAddress(),
        TOO_MANY_REQUESTS);
    Optional<User> user = openSignUp
        ? Optional.of(provision.provision(ProvisionUserCommand.byEmail(command.email())))
        : users.findByEmail(command.email());
    if (user.isEmpty()) {
      return; // closed sign-up: answer as for any address, so the answer does not reveal who has an
      // account
    }
    String code = "%0" + LoginCode.DIGITS + "d";
    code = code.formatted(secrets.nextInt((int) Math.pow(10, LoginCode.DIGITS)));
    LoginCode stored = new LoginCode(
        user.get().id(),
        LoginCode.hashOf(user.get().id(), code),
        clock.instant().plus(LoginCode.LIFETIME));
    unitOfWork.run(() -> codes.replace(stored));
    sender.send(command.email(), linkFor(command.email(), code), code);
  }

  @Override
  public SignedIn redeem(RedeemLoginLinkCommand command) {
    guard.attempt(
        limits.linkRedeemPerAddress(),
        command.email(),
        limits.linkRedeemPerClient(),
        command.clientAddress(),
        TOO_MANY_CHECKS);
    User user = users
        .findByEmail(command.email())
        .orElseThrow(() -> new NotFoundException("User not found."));
    LoginCode code = codes
        .find(user.id())
        .filter(c -> c.matches(command.code()))
        .orElseThrow(() -> new UnauthenticatedException("Invalid login code."));
    Instant now = clock.instant();
    boolean consumed = unitOfWork.inTransaction(() -> codes.consume(code));
    if (!consumed) {
      throw new UnauthenticatedException(
          "Invalid login code."); // a concurrent request used it first
    }
    if (code.expiredAt(now)) {
      throw new ForbiddenException("The login code has expired. Ask for a new link.");
    }
    if (!user.verifiedEmail()) {
      // The code proves the address. Single sign-on links made before, while it was unproven, go:
      // a provider that does not verify addresses let whoever signed in first claim this one.
      unitOfWork.run(() -> {
        provision.provision(new ProvisionUserCommand(user.email(), user.username(), false, true));
        identities.unlinkAll(user.id());
      });
    }
    return sessions.start(new StartSessionCommand(user.id()));
  }

  private URI linkFor(String email, String code) {
    String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
    return URI.create(base + "auth/magic?code=" + code + "&email="
        + URLEncoder.encode(email, StandardCharsets.UTF_8));
  }
}
