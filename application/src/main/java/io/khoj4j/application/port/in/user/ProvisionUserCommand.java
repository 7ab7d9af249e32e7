package io.khoj4j.application.port.in.user;

import io.khoj4j.application.error.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who to provision. The username defaults to the e-mail address, as in Khoj. {@code admin} only ever raises a
 * user's rights: provisioning an existing admin without it keeps them admin.
 */
public record ProvisionUserCommand(
    String email, String username, boolean admin, boolean verifiedEmail) {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

  public ProvisionUserCommand {
    Objects.requireNonNull(email, "email");
    email = email.strip().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches() || email.length() > 254) {
      throw new InvalidInputException("Invalid email address: " + email);
    }
    username = username == null || username.isBlank() ? email : username.strip();
  }

  public static ProvisionUserCommand byEmail(String email) {
    return new ProvisionUserCommand(email, null, false, false);
  }
}
