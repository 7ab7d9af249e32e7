package io.khoj4j.adapter.persistence.out.token;

import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.adapter.persistence.out.user.UserRows;
import io.khoj4j.application.port.out.token.ApiTokenRepository;
import io.khoj4j.application.port.out.token.OwnedToken;
import io.khoj4j.domain.user.ApiToken;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

@ApplicationScoped
public class PgApiTokenRepository implements ApiTokenRepository {

  /** Every request with a token runs this: one statement over plain JDBC, no ORM session or entities. */
  private static final String WITH_OWNER =
      "select t.id, t.name, t.display, t.created_at, t.last_used_at, "
          + UserRows.COLUMNS
          + " from api_tokens t join users u on u.id = t.user_id where t.token_hash = ?";

  private final Jdbc jdbc;

  public PgApiTokenRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource, "API token lookup");
  }

  @Override
  @Transactional
  public void insert(ApiToken token) {
    ApiTokenEntity e = new ApiTokenEntity();
    e.id = token.id();
    e.userId = token.owner().value();
    e.name = token.name();
    e.tokenHash = token.hash().hex();
    e.display = token.display();
    e.createdAt = token.createdAt();
    e.lastUsedAt = token.lastUsedAt();
    e.persist();
  }

  @Override
  public Optional<ApiToken> findByHash(SecretHash hash) {
    return ApiTokenEntity.<ApiTokenEntity>find("tokenHash", hash.hex())
        .firstResultOptional()
        .map(this::toDomain);
  }

  @Override
  public Optional<OwnedToken> findWithOwner(SecretHash hash) {
    return jdbc.first(
        WITH_OWNER,
        rs -> {
          User owner = UserRows.map(rs);
          OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
          ApiToken token = new ApiToken(
              rs.getObject("id", UUID.class),
              owner.id(),
              rs.getString("name"),
              hash,
              rs.getString("display"),
              rs.getObject("created_at", OffsetDateTime.class).toInstant(),
              lastUsed == null ? null : lastUsed.toInstant());
          return new OwnedToken(token, owner);
        },
        hash.hex());
  }

  @Override
  public List<ApiToken> findByOwner(UserId owner) {
    return ApiTokenEntity.<ApiTokenEntity>find("userId = ?1 order by createdAt, id", owner.value())
        .stream()
        .map(this::toDomain)
        .toList();
  }

  @Override
  @Transactional
  public boolean deleteByHash(UserId owner, SecretHash hash) {
    return ApiTokenEntity.delete("userId = ?1 and tokenHash = ?2", owner.value(), hash.hex()) > 0;
  }

  @Override
  @Transactional
  public boolean deleteByDisplayOrId(UserId owner, String displayOrId) {
    if (ApiTokenEntity.delete("userId = ?1 and display = ?2", owner.value(), displayOrId) > 0) {
      return true;
    }
    UUID id;
    try {
      id = UUID.fromString(displayOrId);
    } catch (IllegalArgumentException notAnId) {
      return false;
    }
    return ApiTokenEntity.delete("userId = ?1 and id = ?2", owner.value(), id) > 0;
  }

  @Override
  @Transactional
  public void recordUse(UUID tokenId, Instant usedAt) {
    ApiTokenEntity.update("lastUsedAt = ?1 where id = ?2", usedAt, tokenId);
  }

  private ApiToken toDomain(ApiTokenEntity e) {
    return new ApiToken(
        e.id,
        new UserId(e.userId),
        e.name,
        new SecretHash(e.tokenHash),
        e.display,
        e.createdAt,
        e.lastUsedAt);
  }
}
