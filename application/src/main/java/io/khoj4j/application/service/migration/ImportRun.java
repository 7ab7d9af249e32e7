package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.in.migration.ImportProgress;
import io.khoj4j.application.port.in.migration.ImportReport;
import io.khoj4j.application.port.out.migration.ImportMappings;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One import's shared state: the mapping of source keys to local ids, the counts, the skipped items and the progress
 * lines. {@link #once} is the idempotency rule: an item is written together with its mapping, or not at all.
 */
final class ImportRun {

  static final int PAGE = 200;
  static final String USERS = "database_khojuser";

  private final boolean dryRun;
  private final ImportMappings mappings;
  private final UnitOfWork unitOfWork;
  private final ImportProgress progress;
  private final LinkedHashMap<String, int[]> counts = new LinkedHashMap<>();
  private final List<ImportReport.Skipped> skipped = new ArrayList<>();
  private int vectorsKept;

  ImportRun(
      boolean dryRun, ImportMappings mappings, UnitOfWork unitOfWork, ImportProgress progress) {
    this.dryRun = dryRun;
    this.mappings = mappings;
    this.unitOfWork = unitOfWork;
    this.progress = progress;
  }

  boolean dryRun() {
    return dryRun;
  }

  /** Reads every page of a source listing, reporting progress after each page. */
  <T> void each(
      String kind,
      BiFunction<String, Integer, List<T>> page,
      Function<T, String> key,
      Consumer<T> action) {
    counts.computeIfAbsent(kind, k -> new int[3]);
    String after = "";
    int seen = 0;
    List<T> items;
    do {
      items = page.apply(after, PAGE);
      for (T item : items) {
        counts.get(kind)[0]++;
        action.accept(item);
      }
      seen += items.size();
      if (!items.isEmpty()) {
        after = key.apply(items.getLast());
        progress.line(kind + ": " + seen + " read");
      }
    } while (items.size() == PAGE);
  }

  /**
   * Imports the item unless an earlier run did: {@code write} runs in a unit of work with the mapping and returns the
   * local id, or empty when it left the item out (it then called {@link #skip}). In a dry run nothing is written.
   */
  void once(String kind, String table, String sourceKey, Supplier<Optional<String>> write) {
    int[] tally = counts.computeIfAbsent(kind, k -> new int[3]);
    if (mappings.localId(table, sourceKey).isPresent()) {
      tally[2]++;
      return;
    }
    if (dryRun) {
      tally[1]++;
      return;
    }
    boolean written;
    try {
      written = unitOfWork.inTransaction(() -> {
        Optional<String> local = write.get();
        local.ifPresent(id -> mappings.record(table, sourceKey, id));
        return local.isPresent();
      });
    } catch (RuntimeException e) {
      // One item that cannot be stored (a name or slug taken here, a value out of range) must not
      // stop the others.
      skip(kind, table + " " + sourceKey, "could not be stored: " + e.getMessage());
      return;
    }
    if (written) {
      tally[1]++;
    }
  }

  Optional<String> localId(String table, String sourceKey) {
    return mappings.localId(table, sourceKey);
  }

  /** The local user a source user became; empty in a dry run before the user is imported. */
  Optional<UserId> user(String sourceUserKey) {
    return sourceUserKey == null
        ? Optional.empty()
        : mappings.localId(USERS, sourceUserKey).map(UserId::of);
  }

  void skip(String kind, String item, String reason) {
    skipped.add(new ImportReport.Skipped(kind, item, reason));
  }

  /** Counts vectors of the source kept for this server's search instead of embedding their text again. */
  void keptVectors(int count) {
    vectorsKept += count;
  }

  void line(String text) {
    progress.line(text);
  }

  ImportReport report() {
    List<ImportReport.Tally> tallies = new ArrayList<>();
    counts.forEach((kind, c) -> tallies.add(new ImportReport.Tally(kind, c[0], c[1], c[2])));
    return new ImportReport(dryRun, tallies, skipped, vectorsKept);
  }
}
