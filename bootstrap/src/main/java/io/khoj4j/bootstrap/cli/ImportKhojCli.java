package io.khoj4j.bootstrap.cli;

import io.khoj4j.application.port.in.migration.ImportKhojCommand;
import io.khoj4j.application.port.in.migration.ImportKhojDataUseCase;
import io.khoj4j.application.port.in.migration.ImportReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin import-khoj --from <JDBC URL> [--dry-run]}: progress on standard error, the report on standard output
 * (one line per kind with its counts, then one line per item left out and why).
 */
@Command(
    name = "import-khoj",
    description =
        "Imports a Khoj server's users, tokens, models, files, agents and conversations (read-only on the "
            + "source; running it again imports only what is missing).",
    mixinStandardHelpOptions = true)
final class ImportKhojCli implements Callable<Integer> {

  private final ImportKhojDataUseCase importData;

  @Option(
      names = "--from",
      required = true,
      description =
          "JDBC URL of Khoj's PostgreSQL, e.g. jdbc:postgresql://host:5432/khoj?user=khoj&password=…")
  String from;

  @Option(names = "--dry-run", description = "Only count what would be imported; write nothing.")
  boolean dryRun;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  ImportKhojCli(ImportKhojDataUseCase importData) {
    this.importData = importData;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ImportReport report = importData.importData(new ImportKhojCommand(from, dryRun), line -> {
      err.println(line);
      err.flush();
    });
    PrintWriter out = spec.commandLine().getOut();
    String verb = report.dryRun() ? "would import" : "imported";
    for (ImportReport.Tally t : report.tallies()) {
      out.printf(
          "%s: %d found, %d %s, %d already imported%n",
          t.kind(), t.found(), t.imported(), verb, t.alreadyImported());
    }
    if (report.vectorsKept() > 0) {
      out.printf(
          "vectors: %d of Khoj's kept (same embedding model, same text), not embedded again%n",
          report.vectorsKept());
    }
    for (ImportReport.Skipped s : report.skipped()) {
      out.printf("not imported: %s %s: %s%n", s.kind(), s.item(), s.reason());
    }
    out.flush();
    return 0;
  }
}
