package io.khoj4j.application.port.out.auth;

import io.khoj4j.domain.user.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** Fake of {@link PasswordHasher}: salted SHA-256, fast enough for unit tests; passes {@link PasswordHasherContract}. */
public final class FastPasswordHasher implements PasswordHasher {

  private final AtomicInteger salts = new AtomicInteger();

  @Override
  public PasswordHash hash(String password) {
    PasswordHash.checkLength(password);
    return hashWith("salt" + salts.incrementAndGet(), password);
  }

  @Override
  public boolean matches(PasswordHash hash, String password) {
    return password != null
        && "fake-sha256".equals(hash.scheme())
        && MessageDigest.isEqual(
            hashWith(hash.salt(), password).encoded().getBytes(), hash.encoded().getBytes());
  }

  private static PasswordHash hashWith(String salt, String password) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((salt + ":" + password).getBytes(StandardCharsets.UTF_8));
      return new PasswordHash("fake-sha256$1$" + salt + "$"
          + Base64.getEncoder().withoutPadding().encodeToString(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
