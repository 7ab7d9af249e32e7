package io.khoj4j.application.port.out.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What every {@link SecretBox} must do. */
public abstract class SecretBoxContract {

  protected abstract SecretBox box();

  @Test
  void opensWhatItSealed() {
    String secret = "sk-live-0123456789abcdef ünïcødé";

    assertThat(box().open(box().seal(secret))).isEqualTo(secret);
  }

  @Test
  void sealedFormDoesNotRevealThePlaintext() {
    String secret = "sk-ant-api03-very-secret-value";

    assertThat(box().seal(secret).value()).doesNotContain(secret).doesNotContain("very-secret");
  }

  @Test
  void sealingTwiceGivesDifferentForms() {
    assertThat(box().seal("same").value()).isNotEqualTo(box().seal("same").value());
  }

  @Test
  void emptySecretRoundTrips() {
    assertThat(box().open(box().seal(""))).isEmpty();
  }

  @Test
  void tamperedOrForeignValuesAreRefused() {
    SealedSecret sealed = box().seal("secret");
    String v = sealed.value();
    // a middle character: every one of its bits counts (the last one of unpadded base64 may carry
    // unused bits)
    int at = v.length() / 2 + 2;
    char c = v.charAt(at);
    SealedSecret tampered =
        new SealedSecret(v.substring(0, at) + (c == 'A' ? 'Q' : 'A') + v.substring(at + 1));

    assertThatThrownBy(() -> box().open(tampered)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> box().open(new SealedSecret("garbage")))
        .isInstanceOf(IllegalStateException.class);
  }
}
