package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.token.ApiTokenRepository;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.ApiToken;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Users and their API tokens. A source user whose e-mail address or username an account here already holds becomes
 * that account. Tokens keep working: Khoj stores them in the clear, this server stores their hash.
 */
final class UserImport {

  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final IdGenerator ids;
  private final Clock clock;

  UserImport(UserRepository users, ApiTokenRepository tokens, IdGenerator ids, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.ids = ids;
    this.clock = clock;
  }

  void run(KhojSource source, ImportRun run) {
    int[] passwords = {0};
    run.each("users", source::users, KhojSource.User::key, u -> {
      run.once(
          "users",
          ImportRun.USERS,
          u.key(),
          () -> Optional.of(importUser(u).id().value().toString()));
      if (u.hasPassword()) {
        passwords[0]++;
      }
    });
    if (passwords[0] > 0) {
      run.skip(
          "passwords",
          passwords[0] + " users",
          "Khoj's password hashes are not carried over: these users sign in by e-mail link or an imported token");
    }
    run.each(
        "tokens",
        source::tokens,
        KhojSource.Token::key,
        t -> run.once("tokens", "database_khojapiuser", t.key(), () -> importToken(t, run)));
  }

  private User importUser(KhojSource.User u) {
    String email = u.email() == null || u.email().isBlank() ? null : u.email().strip();
    Instant joined = u.joined() == null ? Instant.now(clock) : u.joined();
    User wanted = new User(
        new UserId(ids.newId()),
        u.username(),
        email,
        u.firstName(),
        u.lastName(),
        u.verifiedEmail(),
        u.admin(),
        joined);
    return users.insertIfAbsent(wanted);
  }

  private Optional<String> importToken(KhojSource.Token t, ImportRun run) {
    Optional<UserId> owner = run.user(t.userKey());
    if (owner.isEmpty()) {
      run.skip("tokens", t.name(), "its owner was not imported");
      return Optional.empty();
    }
    SecretHash hash = SecretHash.of(t.token());
    Optional<ApiToken> existing = tokens.findByHash(hash);
    if (existing.isPresent()) {
      if (existing.get().owner().equals(owner.get())) {
        return Optional.of(existing.get().id().toString());
      }
      run.skip("tokens", t.name(), "the same token belongs to another account here");
      return Optional.empty();
    }
    String name = t.name() == null || t.name().isBlank() ? "imported" : t.name();
    Instant created = t.createdAt() == null ? Instant.now(clock) : t.createdAt();
    ApiToken token = new ApiToken(
        ids.newId(),
        owner.get(),
        name,
        hash,
        ApiToken.displayOf(t.token()),
        created,
        t.accessedAt());
    tokens.insert(token);
    return Optional.of(token.id().toString());
  }
}
