package io.khoj4j.bootstrap;

import io.khoj4j.bootstrap.cli.AdminCommands;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;

/**
 * The one entry point. Without arguments it runs the server; {@code admin …} runs an operator command against the
 * configured database and exits (no HTTP listener, no scheduled jobs), e.g.
 * {@code java -jar bootstrap/target/quarkus-app/quarkus-run.jar admin create-token --email a@example.com}.
 */
@QuarkusMain
public class KhojMain implements QuarkusApplication {

  private final AdminCommands admin;

  public KhojMain(AdminCommands admin) {
    this.admin = admin;
  }

  /**
   * What an {@code admin …} command runs with: it must not fight a running server for its port, run background jobs
   * (Quarkus' own, and the shared scheduler's: a command that claimed a due automation or sync and then exited would
   * leave it to be run again), or mix logs into its output.
   */
  static final Map<String, String> ADMIN_COMMAND_SETTINGS = Map.of(
      "quarkus.http.host-enabled", "false",
      "quarkus.scheduler.enabled", "false",
      "khoj.jobs.enabled", "false",
      "quarkus.log.console.stderr", "true",
      "quarkus.log.level", "WARN");

  public static void main(String... args) {
    if (AdminCommands.isAdminCommand(args)) {
      ADMIN_COMMAND_SETTINGS.forEach(System::setProperty);
    }
    Quarkus.run(KhojMain.class, args);
  }

  @Override
  public int run(String... args) {
    if (AdminCommands.isAdminCommand(args)) {
      return admin.execute(args);
    }
    Quarkus.waitForExit();
    return 0;
  }
}
