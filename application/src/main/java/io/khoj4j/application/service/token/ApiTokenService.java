package io.khoj4j.application.service.token;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.token.AuthenticateApiTokenQuery;
import io.khoj4j.application.port.in.token.AuthenticateApiTokenUseCase;
import io.khoj4j.application.port.in.token.CreateApiTokenCommand;
import io.khoj4j.application.port.in.token.CreateApiTokenUseCase;
import io.khoj4j.application.port.in.token.CreatedApiToken;
import io.khoj4j.application.port.in.token.DeleteApiTokenCommand;
import io.khoj4j.application.port.in.token.DeleteApiTokenUseCase;
import io.khoj4j.application.port.in.token.ListApiTokensQuery;
import io.khoj4j.application.port.in.token.ListApiTokensUseCase;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SecretGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.token.ApiTokenRepository;
import io.khoj4j.application.port.out.token.OwnedToken;
import io.khoj4j.domain.user.ApiToken;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API tokens, Khoj-compatible on the wire ({@code kk-} + 43 URL-safe characters) but stored only as a hash. A
 * deleted token stops working at once: every request looks the hash up, nothing is cached.
 */
public final class ApiTokenService
    implements CreateApiTokenUseCase,
        ListApiTokensUseCase,
        DeleteApiTokenUseCase,
        AuthenticateApiTokenUseCase {

  private static final int SECRET_BYTES = 32;
  private static final List<String> ADJECTIVES = List.of(
      "Amber", "Brave", "Calm", "Clever", "Curious", "Eager", "Gentle", "Golden", "Happy", "Jolly",
      "Kind", "Lively", "Lucky", "Mellow", "Nimble", "Patient", "Quiet", "Rapid", "Silver",
      "Steady", "Swift", "Tidy", "Vivid", "Wise");
  private static final List<String> NOUNS = List.of(
      "Badger",
      "Beacon",
      "Comet",
      "Falcon",
      "Fern",
      "Harbor",
      "Heron",
      "Lantern",
      "Maple",
      "Meadow",
      "Otter",
      "Panda",
      "Pebble",
      "Quill",
      "Raven",
      "River",
      "Sparrow",
      "Summit",
      "Tortoise",
      "Willow");

  private final ApiTokenRepository tokens;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final SecretGenerator secrets;
  private final Clock clock;

  public ApiTokenService(
      ApiTokenRepository tokens,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      SecretGenerator secrets,
      Clock clock) {
    this.tokens = tokens;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.secrets = secrets;
    this.clock = clock;
  }

  @Override
  public CreatedApiToken create(CreateApiTokenCommand command) {
    String secret = ApiToken.PREFIX + secrets.urlSafeSecret(SECRET_BYTES);
    String name = command.name().isEmpty() ? friendlyName() : command.name();
    ApiToken token = new ApiToken(
        ids.newId(),
        command.owner(),
        name,
        SecretHash.of(secret),
        ApiToken.displayOf(secret),
        clock.instant(),
        null);
    unitOfWork.run(() -> tokens.insert(token));
    return new CreatedApiToken(token, secret);
  }

  @Override
  public List<ApiToken> list(ListApiTokensQuery query) {
    return tokens.findByOwner(query.owner());
  }

  @Override
  public void delete(DeleteApiTokenCommand command) {
    boolean deleted = unitOfWork.inTransaction(
        () -> tokens.deleteByHash(command.owner(), SecretHash.of(command.token()))
            || tokens.deleteByDisplayOrId(command.owner(), command.token()));
    if (!deleted) {
      throw new NotFoundException("Token not found");
    }
  }

  @Override
  public Optional<User> authenticate(AuthenticateApiTokenQuery query) {
    if (!query.token().startsWith(ApiToken.PREFIX)) {
      return Optional.empty();
    }
    Optional<OwnedToken> found = tokens.findWithOwner(SecretHash.of(query.token()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiToken token = found.get().token();
    Instant now = clock.instant();
    if (token.lastUseIsStale(now)) {
      unitOfWork.run(() -> tokens.recordUse(token.id(), now));
    }
    return Optional.of(found.get().owner());
  }

  private String friendlyName() {
    return ADJECTIVES.get(secrets.nextInt(ADJECTIVES.size())) + " "
        + NOUNS.get(secrets.nextInt(NOUNS.size()));
  }
}
