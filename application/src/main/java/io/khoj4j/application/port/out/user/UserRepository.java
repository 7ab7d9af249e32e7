package io.khoj4j.application.port.out.user;

import io.khoj4j.domain.user.PasswordHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Stores users. E-mail addresses are compared in lower case. */
public interface UserRepository {

  Optional<User> findById(UserId id);

  Optional<User> findByEmail(String email);

  Optional<User> findByUsername(String username);

  /** Inserts the user, or returns the one that already holds the same e-mail or username. */
  User insertIfAbsent(User user);

  void update(User user);

  List<User> findAll(int offset, int limit);

  void delete(UserId id);

  Optional<PasswordHash> findPasswordHash(UserId id);

  void setPasswordHash(UserId id, PasswordHash hash);
}
