package io.khoj4j.bootstrap;

import io.khoj4j.bootstrap.cli.AdminCommands;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

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

  public static void main(String... args) {
    if (AdminCommands.isAdminCommand(args)) {
      // A command must not fight a running server for its port, run background jobs, or mix logs
      // into its output.
      System.setProperty("quarkus.http.host-enabled", "false");
      System.setProperty("quarkus.scheduler.enabled", "false");
      System.setProperty("quarkus.log.console.stderr", "true");
      System.setProperty("quarkus.log.level", "WARN");
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
