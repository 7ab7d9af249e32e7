package io.khoj4j.application.port.out.token;

import io.khoj4j.domain.user.ApiToken;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores API tokens by hash. Every method but the lookup by hash is scoped by the owner. */
public interface ApiTokenRepository {

  void insert(ApiToken token);

  /** The token with this hash, whoever owns it. */
  Optional<ApiToken> findByHash(SecretHash hash);

  /**
   * The token with this hash and its owner, read in one statement: this is how a request is authenticated, so it
   * runs on every request that carries a token.
   */
  Optional<OwnedToken> findWithOwner(SecretHash hash);

  /** The owner's tokens, oldest first. */
  List<ApiToken> findByOwner(UserId owner);

  /** Deletes the owner's token with this hash; false when the owner has none. */
  boolean deleteByHash(UserId owner, SecretHash hash);

  /** Deletes the owner's token shown with this display form or id; false when the owner has none. */
  boolean deleteByDisplayOrId(UserId owner, String displayOrId);

  void recordUse(UUID tokenId, Instant usedAt);
}
