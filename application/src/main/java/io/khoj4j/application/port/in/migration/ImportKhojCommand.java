package io.khoj4j.application.port.in.migration;

import java.util.Objects;

/**
 * Import a Khoj server's data. {@code source} locates Khoj's database (for the JDBC reader, its JDBC URL with the
 * credentials as parameters); {@code dryRun} only counts what would be imported and writes nothing.
 */
public record ImportKhojCommand(String source, boolean dryRun) {

  public ImportKhojCommand {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("the source database is required");
    }
  }
}
