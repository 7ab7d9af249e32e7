package io.khoj4j.application.port.out.token;

import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.ApiToken;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of {@link ApiTokenRepository}; passes {@link ApiTokenRepositoryContract}. */
public final class InMemoryApiTokenRepository implements ApiTokenRepository {

  private final Map<UUID, ApiToken> tokens = new ConcurrentHashMap<>();
  private final UserRepository users;

  /** {@code users}: where the tokens' owners are (the real table has a foreign key to them). */
  public InMemoryApiTokenRepository(UserRepository users) {
    this.users = users;
  }

  @Override
  public void insert(ApiToken token) {
    tokens.put(token.id(), token);
  }

  @Override
  public Optional<ApiToken> findByHash(SecretHash hash) {
    return tokens.values().stream().filter(t -> t.hash().equals(hash)).findFirst();
  }

  @Override
  public Optional<OwnedToken> findWithOwner(SecretHash hash) {
    return findByHash(hash)
        .flatMap(t -> users.findById(t.owner()).map(owner -> new OwnedToken(t, owner)));
  }

  @Override
  public List<ApiToken> findByOwner(UserId owner) {
    return tokens.values().stream()
        .filter(t -> t.owner().equals(owner))
        .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id))
        .toList();
  }

  @Override
  public boolean deleteByHash(UserId owner, SecretHash hash) {
    return tokens.values().removeIf(t -> t.owner().equals(owner) && t.hash().equals(hash));
  }

  @Override
  public boolean deleteByDisplayOrId(UserId owner, String displayOrId) {
    return tokens
        .values()
        .removeIf(t -> t.owner().equals(owner)
            && (t.display().equals(displayOrId) || t.id().toString().equals(displayOrId)));
  }

  @Override
  public void recordUse(UUID tokenId, Instant usedAt) {
    tokens.computeIfPresent(
        tokenId,
        (id, t) -> new ApiToken(
            t.id(), t.owner(), t.name(), t.hash(), t.display(), t.createdAt(), usedAt));
  }
}
