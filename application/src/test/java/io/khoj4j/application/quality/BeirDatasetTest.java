package io.khoj4j.application.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDatasetTest {

  @TempDir
  Path dir;

  /** Ten queries q0..q9, each with one relevant document d<i> and one judged not relevant n<i>; 40 other documents. */
  private BeirDataset collection() throws IOException {
    List<String> corpus = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    List<String> qrels = new ArrayList<>(List.of("query-id\tcorpus-id\tscore"));
    for (int i = 0; i < 10; i++) {
      corpus.add(
          "{\"_id\":\"d" + i + "\",\"title\":\"T" + i + "\",\"text\":\"relevant " + i + "\"}");
      corpus.add("{\"_id\":\"n" + i + "\",\"title\":\"\",\"text\":\"judged " + i + "\"}");
      queries.add("{\"_id\":\"q" + i + "\",\"text\":\"question " + i + "\"}");
      qrels.add("q" + i + "\td" + i + "\t1");
      qrels.add("q" + i + "\tn" + i + "\t0");
    }
    for (int i = 0; i < 40; i++) {
      corpus.add("{\"_id\":\"o" + i + "\",\"title\":\"\",\"text\":\"other " + i + "\"}");
    }
    queries.add("{\"_id\":\"unjudged\",\"text\":\"no judgments\"}");
    Files.createDirectories(dir.resolve("qrels"));
    Files.write(dir.resolve("corpus.jsonl"), corpus);
    Files.write(dir.resolve("queries.jsonl"), queries);
    Files.write(dir.resolve("qrels/train.tsv"), qrels);
    return BeirDataset.load(dir);
  }

  @Test
  void loadsJudgedQueriesOnly() throws IOException {
    BeirDataset data = collection();

    assertThat(data.queries()).hasSize(10).doesNotContainKey("unjudged");
    assertThat(data.corpus()).hasSize(60);
    assertThat(data.corpus().get("d3").content()).isEqualTo("T3\nrelevant 3");
  }

  @Test
  void aSubsetKeepsEveryJudgedDocumentOfItsQueriesAndFillsWithOthersTheSameWayEachTime()
      throws IOException {
    BeirDataset data = collection();

    BeirDataset subset = data.subset(5, 20);

    assertThat(subset.queries()).containsOnlyKeys("q0", "q2", "q4", "q6", "q8");
    assertThat(subset.qrels()).containsOnlyKeys("q0", "q2", "q4", "q6", "q8");
    assertThat(subset.corpus())
        .hasSize(20)
        .containsKeys("d0", "n0", "d2", "n2", "d4", "n4", "d6", "n6", "d8", "n8");
    assertThat(subset.corpus().keySet()).isEqualTo(data.subset(5, 20).corpus().keySet());
    assertThat(subset.name()).isEqualTo(dir.getFileName() + " (5 queries, 20 documents)");
  }

  @Test
  void aSubsetNeverDropsJudgedDocumentsToMeetItsSize() throws IOException {
    BeirDataset subset = collection().subset(10, 5);

    assertThat(subset.corpus()).hasSize(20);
  }
}
