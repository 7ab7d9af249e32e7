package io.khoj4j.application.port.out.shared;

/** Cryptographically strong randomness for secrets the core hands out (API tokens, login codes). */
public interface SecretGenerator {

  /** {@code bytes} random bytes as unpadded URL-safe Base64. */
  String urlSafeSecret(int bytes);

  /** A uniformly random int in {@code [0, bound)}. */
  int nextInt(int bound);
}
