package io.khoj4j.adapter.persistence.out.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.auth.PasswordHasher;
import io.khoj4j.application.port.out.auth.PasswordHasherContract;
import io.khoj4j.domain.user.PasswordHash;
import org.junit.jupiter.api.Test;

class Pbkdf2PasswordHasherTest extends PasswordHasherContract {

  private final Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher(1_000);

  @Override
  protected PasswordHasher hasher() {
    return hasher;
  }

  @Test
  void theDefaultCostIsOwaspsFigureAndOlderCostsStillVerify() {
    PasswordHash cheap = hasher.hash("correct horse battery");

    assertThat(new Pbkdf2PasswordHasher().matches(cheap, "correct horse battery"))
        .isTrue();
    assertThat(new Pbkdf2PasswordHasher().hash("correct horse battery").encoded())
        .startsWith("pbkdf2-sha256$600000$");
  }

  @Test
  void aKnownVectorVerifies() {
    // PBKDF2-HMAC-SHA256("password", "saltsaltsaltsalt", 1000, 32 bytes), computed independently
    // with Python's hashlib.
    PasswordHash known =
        new PasswordHash("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$" + KNOWN_VECTOR);
    assertThat(hasher.matches(known, "password")).isTrue();
  }

  static final String KNOWN_VECTOR = "8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA";
}
