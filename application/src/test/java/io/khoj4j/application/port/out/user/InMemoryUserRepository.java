package io.khoj4j.application.port.out.user;

import io.khoj4j.domain.user.PasswordHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of {@link UserRepository}; passes {@link UserRepositoryContract} like the real adapter. */
public final class InMemoryUserRepository implements UserRepository {

  private final Map<UserId, User> users = new ConcurrentHashMap<>();
  private final Map<UserId, PasswordHash> passwords = new ConcurrentHashMap<>();

  /** A fresh user with a unique name and address, stored; for tests whose records need an owner that exists. */
  public UserId newUser() {
    return newUser(Instant.now());
  }

  /** The same, made at {@code createdAt} (which decides, for one, whether a new account is still on its trial). */
  public UserId newUser(Instant createdAt) {
    String email = "user-" + UUID.randomUUID() + "@example.org";
    return insertIfAbsent(
            new User(new UserId(UUID.randomUUID()), email, email, "", "", false, false, createdAt))
        .id();
  }

  @Override
  public Optional<User> findById(UserId id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public Optional<User> findByEmail(String email) {
    String wanted = email.toLowerCase(Locale.ROOT);
    return users.values().stream().filter(u -> wanted.equals(u.email())).findFirst();
  }

  @Override
  public Optional<User> findByUsername(String username) {
    return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
  }

  @Override
  public synchronized User insertIfAbsent(User user) {
    Optional<User> existing = (user.email() == null
            ? Optional.<User>empty()
            : findByEmail(user.email()))
        .or(() -> findByUsername(user.username()));
    if (existing.isPresent()) {
      return existing.get();
    }
    users.put(user.id(), user);
    return user;
  }

  @Override
  public void update(User user) {
    users.replace(user.id(), user);
  }

  @Override
  public List<User> findAll(int offset, int limit) {
    return users.values().stream()
        .sorted(Comparator.comparing(User::createdAt).thenComparing(u -> u.id().value()))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public void delete(UserId id) {
    users.remove(id);
    passwords.remove(id);
  }

  @Override
  public Optional<PasswordHash> findPasswordHash(UserId id) {
    return Optional.ofNullable(passwords.get(id));
  }

  @Override
  public void setPasswordHash(UserId id, PasswordHash hash) {
    if (users.containsKey(id)) {
      passwords.put(id, hash);
    }
  }
}
