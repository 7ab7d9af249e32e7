package io.khoj4j.adapter.web.in.chat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Khoj URL-decodes the chat question {@code q} once more after the transport has: percent escapes only (a literal
 * {@code +} stays a plus, a {@code %} that starts no escape stays). A web concern, so it happens here, before the
 * question reaches the core.
 */
final class PercentDecoding {

  private static final Pattern PERCENT = Pattern.compile("%([0-9A-Fa-f]{2})");

  private PercentDecoding() {}

  static String decode(String q) {
    if (q.indexOf('%') < 0) {
      return q;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < q.length()) {
      Matcher m = PERCENT.matcher(q).region(i, q.length());
      if (q.charAt(i) == '%' && m.lookingAt()) {
        bytes.reset();
        while (i < q.length()
            && q.charAt(i) == '%'
            && PERCENT.matcher(q).region(i, q.length()).lookingAt()) {
          bytes.write(Integer.parseInt(q.substring(i + 1, i + 3), 16));
          i += 3;
        }
        out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      } else {
        out.append(q.charAt(i++));
      }
    }
    return out.toString();
  }
}
