package io.khoj4j.bootstrap.quality;

import io.khoj4j.application.quality.BeirDataset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Retrieval quality through a running server ({@code bench/quality.sh} starts one per search mode).
 * Arguments: base URL, "index" or "query", dataset names. With {@code BENCH_RUN_DIR} set, "query" also writes each
 * dataset's run to {@code <dir>/<dataset>.tsv} (query id, document id, rank), for {@code bench/fusion.sh}.
 */
public final class QualityBench {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    boolean index = args[1].equals("index");
    List<String> names = Arrays.asList(args).subList(2, args.length);
    BeirHarness harness = new BeirHarness(base, null);
    for (String name : names) {
      Optional<java.nio.file.Path> dir = BeirDataset.locate(name);
      if (dir.isEmpty()) {
        System.out.println(
            name + ": ../shared/data/retrieval/" + name + " is absent in this clone; skipped");
        continue;
      }
      BeirDataset data = BeirDataset.load(dir.get());
      if (index) {
        long t0 = System.nanoTime();
        harness.index(data, 4);
        System.out.printf(
            "%s: indexed %d documents in %.0f s%n",
            name, data.corpus().size(), (System.nanoTime() - t0) / 1e9);
      } else {
        BeirHarness.Result r = harness.evaluate(data);
        String runDir = System.getenv("BENCH_RUN_DIR");
        if (runDir != null && !runDir.isBlank()) {
          StringBuilder tsv = new StringBuilder();
          r.run().forEach((query, docs) -> {
            for (int i = 0; i < docs.size(); i++) {
              tsv.append(query).append('\t').append(docs.get(i)).append('\t').append(i + 1);
              tsv.append('\n');
            }
          });
          java.nio.file.Files.writeString(
              java.nio.file.Path.of(runDir, name + ".tsv"), tsv.toString());
        }
        List<Double> sorted = r.millis().stream().sorted().toList();
        System.out.printf(
            "%s: %s; latency p50 %.1f ms, p99 %.1f ms%n",
            name, r.scores(), sorted.get(sorted.size() / 2), sorted.get((int)
                Math.min(sorted.size() - 1, sorted.size() * 0.99)));
      }
    }
  }
}
