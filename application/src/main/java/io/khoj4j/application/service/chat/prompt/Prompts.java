package io.khoj4j.application.service.chat.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prompt templates kept as resources ({@code io/khoj4j/application/prompts/*}), filled by name:
 * {@code {{key}}} is replaced by the value; an unknown key fails loudly.
 */
public final class Prompts {

  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Prompts() {}

  public static String render(String name, Map<String, String> values) {
    String template = CACHE.computeIfAbsent(name, Prompts::load);
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int open = template.indexOf("{{", at);
      if (open < 0) {
        out.append(template, at, template.length());
        break;
      }
      int close = template.indexOf("}}", open);
      String key = template.substring(open + 2, close);
      if (!values.containsKey(key)) {
        throw new IllegalArgumentException("prompt " + name + " needs a value for " + key);
      }
      out.append(template, at, open).append(values.get(key));
      at = close + 2;
    }
    return out.toString().strip();
  }

  /**
   * A text as it goes into a prompt: stripped, {@code (empty)} when there is nothing, and cut after {@code chars}
   * characters with a mark saying so.
   */
  public static String cut(String text, int chars) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return "(empty)";
    }
    return t.length() <= chars ? t : t.substring(0, chars) + " …[cut]";
  }

  private static String load(String name) {
    String path = "/io/khoj4j/application/prompts/" + name;
    try (InputStream in = Prompts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no prompt resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
