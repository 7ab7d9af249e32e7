package io.khoj4j.adapter.persistence.out.shared;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@link SecretBox} with AES-256-GCM. Sealed form: {@code v1.<key id>.<base64url(iv ‖ ciphertext ‖ tag)>}; the key
 * id (first 8 hex digits of the key's SHA-256) lets old secrets open after a key change when the old key is listed in
 * {@code khoj.previous-secret-keys}.
 *
 * <p>The key comes from {@code khoj.secret-key} (base64 of 32 bytes; give every replica the same one). Without it,
 * a key is generated once into {@code khoj.secret-key-file} (mode 600) so a single server works out of the box.
 */
@ApplicationScoped
@io.quarkus.runtime
    .Startup // a malformed key stops the start-up, not every later request that opens a secret
public class AesGcmSecretBox implements SecretBox {

  private static final Logger LOG = Logger.getLogger(AesGcmSecretBox.class);
  private static final String VERSION = "v1";
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random = new SecureRandom();
  private final String currentKeyId;
  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

  @Inject
  public AesGcmSecretBox(
      @ConfigProperty(name = "khoj.secret-key") Optional<String> key,
      @ConfigProperty(
              name = "khoj.secret-key-file",
              defaultValue = "${user.home}/.khoj4j/secret.key")
          String keyFile,
      @ConfigProperty(name = "khoj.previous-secret-keys") Optional<List<String>> previousKeys) {
    this(
        key.filter(k -> !k.isBlank())
            .map(AesGcmSecretBox::decodeKey)
            .orElseGet(() -> keyFromFile(Path.of(keyFile))),
        previousKeys.orElse(List.of()).stream()
            .filter(k -> !k.isBlank())
            .map(AesGcmSecretBox::decodeKey)
            .toList());
  }

  public AesGcmSecretBox(byte[] currentKey, List<byte[]> previousKeys) {
    this.currentKeyId = add(currentKey);
    previousKeys.forEach(this::add);
  }

  @Override
  public SealedSecret seal(String plaintext) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.US_ASCII));
      byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(iv.length + ciphertext.length)
          .put(iv)
          .put(ciphertext)
          .array();
      return new SealedSecret(VERSION + "." + currentKeyId + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(out));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  @Override
  public String open(SealedSecret sealed) {
    String[] parts = sealed.value().split("\\.", 3);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new IllegalStateException("not a sealed secret");
    }
    SecretKeySpec key = keys.get(parts[1]);
    if (key == null) {
      throw new IllegalStateException(
          "sealed with an unknown key " + parts[1] + " (see khoj.previous-secret-keys)");
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(parts[2]);
      if (in.length < IV_BYTES + TAG_BITS / 8) {
        throw new IllegalStateException("sealed secret is truncated");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(parts[1].getBytes(StandardCharsets.US_ASCII));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "sealed secret does not open: tampered with or sealed with another key");
    }
  }

  private String add(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "a secret key must be 32 bytes (base64 of 32 random bytes)");
    }
    String id = keyId(key);
    keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
    return id;
  }

  static String keyId(byte[] key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] decodeKey(String base64) {
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("khoj.secret-key is not base64", e);
    }
  }

  static byte[] keyFromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return decodeKey(Files.readString(file));
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] key = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(key);
      Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        LOG.debugf("cannot restrict permissions of %s on this file system", file);
      }
      LOG.infof(
          "Generated a secret key for stored credentials in %s. Replicas must share one: set KHOJ_SECRET_KEY.",
          file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
    }
  }
}
