package io.khoj4j.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void readsTheSelfDescribingForm() {
    PasswordHash hash = new PasswordHash("pbkdf2-sha256$600000$c2FsdA$aGFzaA");

    assertThat(hash.scheme()).isEqualTo("pbkdf2-sha256");
    assertThat(hash.cost()).isEqualTo(600_000);
    assertThat(hash.salt()).isEqualTo("c2FsdA");
    assertThat(hash.hash()).isEqualTo("aGFzaA");
    assertThat(hash.toString()).doesNotContain("aGFzaA");
  }

  @Test
  void refusesForeignForms() {
    assertThatThrownBy(() -> new PasswordHash("$2a$10$bcrypt"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PasswordHash("plain text"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void passwordsMustBeLongEnoughButNotAbsurdlyLong() {
    assertThatThrownBy(() -> PasswordHash.checkLength("short")).hasMessageContaining("at least 8");
    assertThatThrownBy(() -> PasswordHash.checkLength("x".repeat(1025)))
        .hasMessageContaining("at most 1024");
    PasswordHash.checkLength("long enough");
  }
}
