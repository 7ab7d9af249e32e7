package io.khoj4j.adapter.llm.bench;

import io.khoj4j.application.quality.BeirDataset;
import java.util.List;
import java.util.Optional;

/** The texts the embedding benchmarks read from ../shared/data/retrieval. */
final class BenchData {

  private BenchData() {}

  /** SciFact, or empty after saying that this clone lacks it. */
  static Optional<BeirDataset> scifact() {
    Optional<BeirDataset> data = BeirDataset.locate("scifact").map(BeirDataset::load);
    if (data.isEmpty()) {
      System.out.println(
          "../shared/data/retrieval/scifact is absent in this clone: nothing to measure");
    }
    return data;
  }

  /** The texts of the data set's first {@code count} documents. */
  static List<String> documents(BeirDataset data, int count) {
    return data.corpus().values().stream().limit(count).map(d -> d.content()).toList();
  }
}
