package io.khoj4j.application.port.in.migration;

import java.util.List;

/**
 * What an import did: per kind of item, how many the source holds, how many were imported now (or would be, in a dry
 * run) and how many an earlier run had already imported; every item left out, with the reason; and how many of Khoj's
 * vectors were kept instead of embedding their text again (its model is this server's).
 */
public record ImportReport(
    boolean dryRun, List<Tally> tallies, List<Skipped> skipped, int vectorsKept) {

  public ImportReport(boolean dryRun, List<Tally> tallies, List<Skipped> skipped) {
    this(dryRun, tallies, skipped, 0);
  }

  public ImportReport {
    if (vectorsKept < 0) {
      throw new IllegalArgumentException("vectorsKept < 0");
    }
    tallies = List.copyOf(tallies);
    skipped = List.copyOf(skipped);
  }

  /** One kind of item ({@code users}, {@code conversations}, ...). */
  public record Tally(String kind, int found, int imported, int alreadyImported) {}

  /** An item (or a whole kind, then {@code item} says how many) that was not imported, and why. */
  public record Skipped(String kind, String item, String reason) {}

  public int imported(String kind) {
    return tallies.stream()
        .filter(t -> t.kind().equals(kind))
        .mapToInt(Tally::imported)
        .sum();
  }
}
