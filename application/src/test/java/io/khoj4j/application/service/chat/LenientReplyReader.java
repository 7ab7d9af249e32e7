package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.out.chat.ModelReplyReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake {@link ModelReplyReader} for the chat tests, which script well-formed JSON replies: it finds a field's
 * strings by pattern. The real reader (Jackson, with repairs for malformed replies) is {@code JacksonModelReplyReader}
 * in adapters-llm, tested there on bad model output.
 */
final class LenientReplyReader implements ModelReplyReader {

  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Override
  public List<String> strings(String reply, String field) {
    int key = reply.indexOf("\"" + field + "\"");
    if (key < 0) {
      return List.of();
    }
    int open = reply.indexOf('[', key);
    int close = reply.indexOf(']', open + 1);
    if (open < 0 || close < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Matcher m = STRING.matcher(reply.substring(open + 1, close));
    while (m.find()) {
      String s = unescape(m.group(1)).replace('\n', ' ').strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public Optional<String> string(String reply, String field) {
    Matcher m = Pattern.compile(
            "\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
        .matcher(reply);
    if (!m.find()) {
      return Optional.empty();
    }
    String value = unescape(m.group(1)).strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** The braces after the field, matched by counting (the scripted replies put no brace inside strings). */
  @Override
  public Optional<String> object(String reply, String field) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\\{").matcher(reply);
    if (!m.find()) {
      return Optional.empty();
    }
    int depth = 0;
    for (int i = m.end() - 1; i < reply.length(); i++) {
      char c = reply.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth == 0) {
        return Optional.of(reply.substring(m.end() - 1, i + 1));
      }
    }
    return Optional.empty();
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
