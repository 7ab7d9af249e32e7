package io.khoj4j.application.port.in.auth;

import io.khoj4j.application.error.InvalidInputException;
import java.util.Locale;

public record RedeemLoginLinkCommand(String email, String code, String clientAddress) {

  public RedeemLoginLinkCommand {
    if (email == null || email.isBlank()) {
      throw new InvalidInputException("email is required");
    }
    if (code == null || code.isBlank()) {
      throw new InvalidInputException("code is required");
    }
    email = email.strip().toLowerCase(Locale.ROOT);
    code = code.strip();
  }

  @Override
  public String toString() {
    return "RedeemLoginLinkCommand[email=" + email + ", clientAddress=" + clientAddress + "]";
  }
}
