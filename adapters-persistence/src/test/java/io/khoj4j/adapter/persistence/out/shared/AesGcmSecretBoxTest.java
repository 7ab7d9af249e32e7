package io.khoj4j.adapter.persistence.out.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.SecretBoxContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmSecretBoxTest extends SecretBoxContract {

  private final AesGcmSecretBox box = new AesGcmSecretBox(randomKey(), List.of());

  @Override
  protected SecretBox box() {
    return box;
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Test
  void anotherKeyCannotOpenIt() {
    SealedSecret sealed = box.seal("secret");

    assertThatThrownBy(() -> new AesGcmSecretBox(randomKey(), List.of()).open(sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPreviousKeyStillOpensOldSecretsAfterRotation() {
    byte[] oldKey = randomKey();
    SealedSecret old = new AesGcmSecretBox(oldKey, List.of()).seal("vendor key");

    AesGcmSecretBox rotated = new AesGcmSecretBox(randomKey(), List.of(oldKey));

    assertThat(rotated.open(old)).isEqualTo("vendor key");
    assertThat(rotated.seal("x").value()).doesNotContain(AesGcmSecretBox.keyId(oldKey));
  }

  @Test
  void aConfiguredKeyWinsOverTheKeyFile(@TempDir Path dir) {
    String key = Base64.getEncoder().encodeToString(randomKey());
    Path file = dir.resolve("secret.key");

    AesGcmSecretBox configured =
        new AesGcmSecretBox(Optional.of(key), file.toString(), Optional.empty());

    assertThat(file).doesNotExist();
    assertThat(configured.open(configured.seal("x"))).isEqualTo("x");
  }

  @Test
  void withoutAConfiguredKeyOneIsGeneratedOnceAndReused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nested/secret.key");

    SealedSecret sealed =
        new AesGcmSecretBox(Optional.empty(), file.toString(), Optional.empty()).seal("kept");
    AesGcmSecretBox restarted =
        new AesGcmSecretBox(Optional.empty(), file.toString(), Optional.empty());

    assertThat(restarted.open(sealed)).isEqualTo("kept");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aKeyOfTheWrongSizeIsRefusedAtStart() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(
            () -> new AesGcmSecretBox(Optional.of(shortKey), "/nonexistent", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
