package io.khoj4j.adapter.persistence.out.shared;

import io.khoj4j.application.port.out.auth.PasswordHasher;
import io.khoj4j.domain.user.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, 600,000 iterations (OWASP's 2023 figure) and a 16-byte random salt, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}. Hashes made with another iteration count still verify.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

  static final String SCHEME = "pbkdf2-sha256";
  static final int ITERATIONS = 600_000;
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;

  private final SecureRandom random = new SecureRandom();
  private final int iterations;

  public Pbkdf2PasswordHasher() {
    this(ITERATIONS);
  }

  Pbkdf2PasswordHasher(int iterations) {
    this.iterations = iterations;
  }

  @Override
  public PasswordHash hash(String password) {
    PasswordHash.checkLength(password);
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return new PasswordHash(SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(pbkdf2(password, salt, iterations)));
  }

  @Override
  public boolean matches(PasswordHash hash, String password) {
    if (password == null
        || password.isEmpty()
        || password.length() > PasswordHash.MAX_LENGTH
        || !SCHEME.equals(hash.scheme())) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(hash.salt());
    byte[] expected = Base64.getDecoder().decode(hash.hash());
    return MessageDigest.isEqual(expected, pbkdf2(password, salt, hash.cost()));
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
