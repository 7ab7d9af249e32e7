package io.khoj4j.application.port.out.auth;

import io.khoj4j.domain.user.PasswordHash;

/** A slow, salted password hash (PBKDF2 by default): costly to compute, so a leaked hash is costly to guess. */
public interface PasswordHasher {

  /** Hashes with a fresh random salt and the current cost. */
  PasswordHash hash(String password);

  /** Constant-time check of {@code password} against {@code hash}, at the cost the hash was made with. */
  boolean matches(PasswordHash hash, String password);
}
