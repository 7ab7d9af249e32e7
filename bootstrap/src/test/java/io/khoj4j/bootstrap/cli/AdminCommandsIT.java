package io.khoj4j.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.domain.user.SecretHash;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The operator commands, run as the packaged application runs them: arguments in, exit code and output out, against
 * PostgreSQL. Each launch starts the application, so this keeps to the end-to-end paths; {@link AdminCommandsTest}
 * covers every command's parsing, refusals and output with fakes.
 */
@QuarkusMainTest
@TestProfile(AdminCommandsIT.LogsOnStandardError.class)
class AdminCommandsIT {

  /** What {@code KhojMain.main} sets for a command: logs on standard error, so the output holds only results. */
  public static class LogsOnStandardError implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.log.console.stderr", "true", "quarkus.scheduler.enabled", "false");
    }
  }

  private static String newEmail() {
    return "cli-" + UUID.randomUUID() + "@example.org";
  }

  @Test
  void createTokenCreatesTheUserAndPrintsAWorkingTokenAsTheLastLine(QuarkusMainLauncher launcher)
      throws Exception {
    String email = newEmail();

    LaunchResult result =
        launcher.launch("admin", "create-token", "--email", email, "--name", "ci");

    assertThat(result.exitCode()).isZero();
    List<String> lines = result.getOutputStream();
    String token = lines.get(lines.size() - 1);
    assertThat(token).startsWith("kk-").hasSizeGreaterThan(40);
    assertThat(ownerOfToken(token)).isEqualTo(email);
  }

  @Test
  void errorsReachTheExitCodeAndStandardErrorThroughTheApplicationsMain(
      QuarkusMainLauncher launcher) {
    LaunchResult invalid = launcher.launch("admin", "create-token", "--email", "not an address");
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.getErrorOutput()).contains("error: Invalid email address");
    assertThat(invalid.getOutput()).doesNotContain("kk-");

    LaunchResult unknown = launcher.launch("admin", "make-coffee");
    assertThat(unknown.exitCode()).isEqualTo(2);
  }

  private static String ownerOfToken(String token) throws Exception {
    String url = "jdbc:postgresql://" + env("POSTGRES_HOST", "localhost") + ":"
        + env("POSTGRES_PORT", "5432") + "/" + env("KHOJ4J_TEST_DB", "khoj4j_test");
    try (Connection c = DriverManager.getConnection(
            url, env("POSTGRES_USER", "khoj4j"), env("POSTGRES_PASSWORD", "khoj4j"));
        PreparedStatement ps = c.prepareStatement(
            "select u.email from api_tokens t join users u on u.id = t.user_id where t.token_hash = ?")) {
      ps.setString(1, SecretHash.of(token).hex());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
