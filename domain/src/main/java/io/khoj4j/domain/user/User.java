package io.khoj4j.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A person using khoj4j. Khoj's clients know a user by e-mail and username; the id is stable and never
 * shown to other users.
 */
public record User(
    UserId id,
    String username,
    String email,
    String firstName,
    String lastName,
    boolean verifiedEmail,
    boolean admin,
    Instant createdAt) {

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(createdAt, "createdAt");
    if (username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
    firstName = firstName == null ? "" : firstName;
    lastName = lastName == null ? "" : lastName;
  }

  /** The built-in user of single-user mode, as Khoj's clients expect it. */
  public static final String DEFAULT_USERNAME = "default";

  public static final String DEFAULT_EMAIL = "default@example.com";

  public boolean isDefaultUser() {
    return DEFAULT_USERNAME.equals(username);
  }
}
