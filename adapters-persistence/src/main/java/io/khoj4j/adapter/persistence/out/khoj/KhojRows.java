package io.khoj4j.adapter.persistence.out.khoj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.adapter.persistence.out.shared.SharedJson;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Queries against the source on its own connection ({@link Jdbc}), and the column conversions Khoj's schema needs. */
final class KhojRows {

  private static final ObjectMapper JSON = SharedJson.MAPPER;

  private final Connection connection;

  KhojRows(Connection connection) {
    this.connection = connection;
  }

  <T> List<T> list(String sql, List<Object> parameters, Jdbc.Row<T> row) {
    try {
      return Jdbc.list(connection, sql, row, parameters.toArray());
    } catch (SQLException e) {
      throw Jdbc.failure("reading the Khoj database", e);
    }
  }

  boolean tableExists(String table) {
    return list("select to_regclass(?) is not null", List.of(table), rs -> rs.getBoolean(1))
        .getFirst();
  }

  boolean columnExists(String table, String column) {
    return list(
            "select exists (select 1 from information_schema.columns where table_name = ? and column_name = ?"
                + " and table_schema = any (current_schemas(false)))",
            List.of(table, column),
            rs -> rs.getBoolean(1))
        .getFirst();
  }

  /** A pgvector column read as {@code real[]}; null stays null. */
  static float[] vector(ResultSet rs, int column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return null;
    }
    Object[] values = (Object[]) array.getArray();
    float[] vector = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      vector[i] = values[i] == null ? Float.NaN : ((Number) values[i]).floatValue();
    }
    return vector;
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static List<String> strings(ResultSet rs, int column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray())
        .filter(o -> o != null)
        .map(Object::toString)
        .toList();
  }

  /** A JSON array of strings (Khoj's {@code file_filters}); anything else is no filter. */
  static List<String> jsonStrings(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  /** A JSON object's fields that are strings (Khoj's job names); anything else is refused. */
  static Map<String, String> jsonTexts(String json) {
    try {
      Map<String, Object> fields =
          JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
      Map<String, String> texts = new HashMap<>();
      fields.forEach((k, v) -> {
        if (v instanceof String text) {
          texts.put(k, text);
        }
      });
      return texts;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  /** Khoj's entry type for a file object whose entries are gone, from its name. */
  static String typeByName(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
      return "markdown";
    }
    if (lower.endsWith(".org")) {
      return "org";
    }
    if (lower.endsWith(".pdf")) {
      return "pdf";
    }
    if (lower.endsWith(".docx")) {
      return "docx";
    }
    return lower.matches(".*\\.(png|jpe?g|webp)$") ? "image" : "plaintext";
  }
}
