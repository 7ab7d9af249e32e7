package io.khoj4j.domain.user;

import java.util.Objects;

/**
 * A password as stored, in a self-describing form {@code <scheme>$<cost>$<salt>$<hash>} (for the default hasher,
 * PBKDF2-HMAC-SHA256: {@code pbkdf2-sha256$600000$…$…}). The cost travels with the hash, so raising it later still
 * verifies the passwords stored before. Never holds the password itself.
 */
public record PasswordHash(String encoded) {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 1024;

  public PasswordHash {
    Objects.requireNonNull(encoded, "encoded");
    String[] parts = encoded.split("\\$");
    if (parts.length != 4
        || !parts[0].matches("[a-z0-9-]+")
        || !parts[1].matches("[1-9][0-9]{0,8}")) {
      throw new IllegalArgumentException("not a password hash in scheme$cost$salt$hash form");
    }
  }

  public String scheme() {
    return encoded.split("\\$")[0];
  }

  public int cost() {
    return Integer.parseInt(encoded.split("\\$")[1]);
  }

  public String salt() {
    return encoded.split("\\$")[2];
  }

  public String hash() {
    return encoded.split("\\$")[3];
  }

  /** Rejects passwords too short to resist guessing, or long enough to make hashing a denial of service. */
  public static void checkLength(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("A password needs at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A password may have at most " + MAX_LENGTH + " characters");
    }
  }

  @Override
  public String toString() {
    return "PasswordHash[" + scheme() + "]";
  }
}
