package io.khoj4j.application.port.in.token;

import java.util.Objects;

/** A bearer credential as it arrived; never logged. */
public record AuthenticateApiTokenQuery(String token) {

  public AuthenticateApiTokenQuery {
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "AuthenticateApiTokenQuery[token=<redacted>]";
  }
}
