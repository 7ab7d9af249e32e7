package io.khoj4j.bootstrap.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Log lines carry what clients sent (file names, URLs, error messages quoting input). A control character in them
 * could fake a log line (CR, LF), drive the terminal that shows the log (ESC sequences) or cut the line for readers
 * (NUL). This filter, on the console handler, replaces every control character in a record's parameters and message
 * by its escaped form ({@code \n}, {@code \r}, {@code \t}, {@code \u001b} …) before the line is formatted; it
 * drops nothing.
 */
@LoggingFilter(name = "escape-control-characters")
public final class ControlCharacterFilter implements Filter {

  @Override
  public boolean isLoggable(LogRecord record) {
    Object[] parameters = record.getParameters();
    if (parameters != null) {
      Object[] escaped = parameters.clone();
      boolean changed = false;
      for (int i = 0; i < escaped.length; i++) {
        if (escaped[i] instanceof CharSequence text) {
          String safe = escape(text.toString());
          changed |= !safe.contentEquals(text);
          escaped[i] = safe;
        }
      }
      if (changed) {
        record.setParameters(escaped);
      }
    }
    String message = record.getMessage();
    if (message != null) {
      String safe = escape(message);
      if (!safe.equals(message)) {
        record.setMessage(safe);
      }
    }
    return true;
  }

  /** {@code text} with each control character (C0, DEL, C1) written as an escape; everything else unchanged. */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        switch (c) {
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> out.append(String.format("\\u%04x", (int) c));
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
