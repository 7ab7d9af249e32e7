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
    if (username != null && username.strip().length() > MAX_USERNAME) {
      throw new InvalidInputException(
          "The username is longer than " + MAX_USERNAME + " characters");
    }
    username = username == null || username.isBlank() ? defaultUsername(email) : username.strip();
  }

  /** The store's (and Khoj's) longest username; an address may be longer (254). */
  public static final int MAX_USERNAME = 150;

  /** The address, or for an address longer than a username may be, its start and a digest of the whole. */
  static String defaultUsername(String email) {
    if (email.length() <= MAX_USERNAME) {
      return email;
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(email.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String tag = java.util.HexFormat.of().formatHex(digest, 0, 6);
      return email.substring(0, MAX_USERNAME - tag.length() - 1) + "-" + tag;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ProvisionUserCommand byEmail(String email) {
    return new ProvisionUserCommand(email, null, false, false);
  }
}
