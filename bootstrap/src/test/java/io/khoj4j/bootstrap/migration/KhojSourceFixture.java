package io.khoj4j.bootstrap.migration;

import io.khoj4j.bootstrap.cli.AdminCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A copy of a Khoj server's database for import tests: {@code fixtures/khoj/khoj-source.sql} (a hand-written subset of
 * Khoj's schema with three users) in a schema of its own in the test database, names made unique per run.
 * {@code searchModel} is the name of the embedding model Khoj's vectors are said to come from.
 */
final class KhojSourceFixture {

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String schema = "khoj_src_" + run;
  final String annConversation = UUID.randomUUID().toString();
  final String bobConversation = UUID.randomUUID().toString();
  final String carolConversation = UUID.randomUUID().toString();
  /** The corpus id of the section Khoj cut into two chunks (both carry the section's whole text). */
  final String bobSpices = UUID.randomUUID().toString();

  final String annToken = "kk-ann-" + run + "-old-token-of-ann";
  final String bobToken = "kk-bob-" + run + "-old-token-of-bob";

  void create(String searchModel) throws IOException, SQLException {
    String sql;
    try (InputStream in =
        KhojSourceFixture.class.getResourceAsStream("/fixtures/khoj/khoj-source.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> v : Map.of(
            "${run}", run,
            "${ann_conv}", annConversation,
            "${bob_conv}", bobConversation,
            "${carol_conv}", carolConversation,
            "${bob_spices}", bobSpices,
            "${search_model}", searchModel)
        .entrySet()) {
      sql = sql.replace(v.getKey(), v.getValue());
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
      s.execute("set search_path to " + schema + ", public");
      s.execute(sql);
    }
  }

  void drop() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    }
  }

  /** What {@code admin import-khoj} printed, and its exit code. */
  record Run(int exit, String out, String err) {}

  /** Runs {@code admin import-khoj --from <this copy>} with {@code extra} arguments. */
  Run importWith(AdminCommands commands, String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = new String[4 + extra.length];
    args[0] = "admin";
    args[1] = "import-khoj";
    args[2] = "--from";
    args[3] = source();
    System.arraycopy(extra, 0, args, 4, extra.length);
    int exit = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** The {@code --from} of {@code admin import-khoj}. */
  String source() {
    return url("?currentSchema=" + schema + "&user=" + user() + "&password=" + password());
  }

  /** A connection to the test database (this server's tables, and the copy in its own schema). */
  static Connection connect() throws SQLException {
    return DriverManager.getConnection(url(""), user(), password());
  }

  static String url(String parameters) {
    return "jdbc:postgresql://" + env("POSTGRES_HOST", "localhost") + ":"
        + env("POSTGRES_PORT", "5432") + "/" + env("KHOJ4J_TEST_DB", "khoj4j_test") + parameters;
  }

  static String user() {
    return env("POSTGRES_USER", "khoj4j");
  }

  static String password() {
    return env("POSTGRES_PASSWORD", "khoj4j");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
