package io.khoj4j.application.port.out.shared;

import java.util.Objects;

/**
 * A secret as stored: opaque text made by {@link SecretBox#seal}. Safe to persist and to log; useless without the
 * server's key.
 */
public record SealedSecret(String value) {

  public SealedSecret {
    Objects.requireNonNull(value, "value");
  }
}
