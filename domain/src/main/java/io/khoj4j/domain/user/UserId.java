package io.khoj4j.domain.user;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user. Every command and every query in the core carries one: data is always owned. */
public record UserId(UUID value) {

  public UserId {
    Objects.requireNonNull(value, "user id");
  }

  public static UserId of(String value) {
    return new UserId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
