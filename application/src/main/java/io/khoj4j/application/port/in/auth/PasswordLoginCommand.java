package io.khoj4j.application.port.in.auth;

import io.khoj4j.application.error.InvalidInputException;
import java.util.Locale;

/** {@code clientAddress} is the caller's IP as the web edge sees it (for per-client attempt limits), or null. */
public record PasswordLoginCommand(String email, String password, String clientAddress) {

  public PasswordLoginCommand {
    if (email == null || email.isBlank()) {
      throw new InvalidInputException("email is required");
    }
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException("password is required");
    }
    email = email.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "PasswordLoginCommand[email=" + email + ", clientAddress=" + clientAddress + "]";
  }
}
