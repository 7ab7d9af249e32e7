package io.khoj4j.adapter.web.in.auth;

/**
 * Where to send the browser after sign-in: a path on this server only. Absolute and protocol-relative URLs
 * ({@code https://evil.example}, {@code //evil.example}, {@code /\evil.example}) fall back to {@code /}, so a
 * crafted login link cannot bounce a freshly signed-in user to another site.
 */
final class SafeRedirect {

  private SafeRedirect() {}

  static String of(String next) {
    if (next == null
        || next.isBlank()
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")) {
      return "/";
    }
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return "/";
      }
    }
    return next;
  }
}
