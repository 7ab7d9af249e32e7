package io.khoj4j.adapter.web.in;

import io.khoj4j.adapter.web.error.RequestValidationException;
import java.util.Locale;
import java.util.Optional;

/**
 * Query parameters read the way FastAPI reads them (Khoj's server), so clients get the same 422 for the same bad
 * input: booleans accept true/false/1/0/yes/no/on/off/t/f/y/n, numbers must parse.
 */
public final class QueryParams {

  private QueryParams() {}

  public static boolean bool(String name, String value, boolean otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on", "t", "y" -> true;
      case "false", "0", "no", "off", "f", "n" -> false;
      default ->
        throw RequestValidationException.of(
            "query", name, "Input should be a valid boolean", value);
    };
  }

  public static int integer(String name, String value, int otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw RequestValidationException.of("query", name, "Input should be a valid integer", value);
    }
  }

  public static Optional<Double> number(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      double d = Double.parseDouble(value.strip());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return Optional.of(d);
    } catch (NumberFormatException e) {
      throw RequestValidationException.of("query", name, "Input should be a valid number", value);
    }
  }

  public static String required(String name, String value) {
    if (value == null) {
      throw RequestValidationException.missing("query", name);
    }
    return value;
  }
}
