package io.khoj4j.application.port.out.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.domain.user.PasswordHash;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordHasher} must do. */
public abstract class PasswordHasherContract {

  protected abstract PasswordHasher hasher();

  @Test
  void matchesOnlyTheSamePassword() {
    PasswordHash hash = hasher().hash("correct horse battery");

    assertThat(hasher().matches(hash, "correct horse battery")).isTrue();
    assertThat(hasher().matches(hash, "correct horse batterY")).isFalse();
    assertThat(hasher().matches(hash, "")).isFalse();
    assertThat(hasher().matches(hash, null)).isFalse();
  }

  @Test
  void theStoredFormNeverContainsThePasswordAndIsSaltedAfresh() {
    PasswordHash a = hasher().hash("correct horse battery");
    PasswordHash b = hasher().hash("correct horse battery");

    assertThat(a.encoded()).doesNotContain("horse");
    assertThat(a).isNotEqualTo(b);
    assertThat(hasher().matches(b, "correct horse battery")).isTrue();
  }

  @Test
  void aHashReadBackFromStorageStillVerifies() {
    PasswordHash stored =
        new PasswordHash(hasher().hash("correct horse battery").encoded());

    assertThat(hasher().matches(stored, "correct horse battery")).isTrue();
  }

  @Test
  void refusesPasswordsTooShortToHash() {
    assertThatThrownBy(() -> hasher().hash("short")).isInstanceOf(IllegalArgumentException.class);
  }
}
