package io.khoj4j.bootstrap.quality;

import io.khoj4j.application.quality.BeirDataset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Retrieval quality through a running server ({@code bench/quality.sh} starts one per search mode).
 * Arguments: base URL, "index" or "query", dataset names.
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
        List<Double> sorted = r.millis().stream().sorted().toList();
        System.out.printf(
            "%s: %s; latency p50 %.1f ms, p99 %.1f ms%n",
            name, r.scores(), sorted.get(sorted.size() / 2), sorted.get((int)
                Math.min(sorted.size() - 1, sorted.size() * 0.99)));
      }
    }
  }
}
