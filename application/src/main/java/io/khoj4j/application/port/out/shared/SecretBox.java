package io.khoj4j.application.port.out.shared;

/**
 * Encrypts secrets the server must store and read back (LLM vendor keys, connector tokens): they are never stored
 * in plain text. Not for credentials the server only verifies (API tokens are hashed instead).
 */
public interface SecretBox {

  SealedSecret seal(String plaintext);

  /**
   * The plaintext of a sealed secret.
   *
   * @throws IllegalStateException when it was sealed with another key or has been tampered with
   */
  String open(SealedSecret sealed);
}
