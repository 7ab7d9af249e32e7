package io.khoj4j.adapter.llm.bench;

import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel;
import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel.Variant;
import io.khoj4j.application.quality.BeirDataset;
import io.khoj4j.application.quality.RetrievalMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Quality and speed of the in-process embedding models with exact cosine search (no index, no keyword ranking): the
 * numbers behind the choice of the default model. Run with {@code bench/embedding-quality.sh}.
 */
public final class EmbeddingQualityBench {

  public static void main(String[] args) {
    List<String> datasets = args.length > 0 ? List.of(args) : List.of("scifact", "cranfield");
    for (String name : datasets) {
      Optional<Path> dir = BeirDataset.locate(name);
      if (dir.isEmpty()) {
        System.out.println(
            name + ": ../shared/data/retrieval/" + name + " is absent in this clone; skipped");
        continue;
      }
      BeirDataset data = BeirDataset.load(dir.get());
      System.out.printf(
          "%s: %d documents, %d judged queries%n",
          name, data.corpus().size(), data.queries().size());
      for (Variant variant : Variant.values()) {
        run(data, variant);
      }
    }
  }

  private static void run(BeirDataset data, Variant variant) {
    List<String> ids = new ArrayList<>(data.corpus().keySet());
    List<String> texts = ids.stream().map(id -> data.corpus().get(id).content()).toList();
    OnnxEmbeddingModel withInstruction = new OnnxEmbeddingModel(variant, true);
    OnnxEmbeddingModel plain = new OnnxEmbeddingModel(variant, false);
    withInstruction.embedDocuments(texts.subList(0, Math.min(32, texts.size())));

    long t0 = System.nanoTime();
    List<float[]> docs = new ArrayList<>();
    for (int i = 0; i < texts.size(); i += 32) {
      docs.addAll(withInstruction.embedDocuments(texts.subList(i, Math.min(texts.size(), i + 32))));
    }
    double docSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("  %-20s documents: %.1f texts/s%n", variant.id(), texts.size() / docSeconds);

    for (OnnxEmbeddingModel model :
        variant == Variant.BGE_SMALL_EN_V15_Q ? List.of(withInstruction, plain) : List.of(plain)) {
      Map<String, List<String>> run = new LinkedHashMap<>();
      long q0 = System.nanoTime();
      for (var q : data.queries().entrySet()) {
        run.put(q.getKey(), top10(model.embedQuery(q.getValue()), docs, ids));
      }
      double perQueryMs = (System.nanoTime() - q0) / 1e6 / data.queries().size();
      String label = variant.id()
          + (model == withInstruction && variant == Variant.BGE_SMALL_EN_V15_Q
              ? " +query instruction"
              : "");
      System.out.printf(
          "  %-40s %s  (%.2f ms per query incl. exact scan)%n",
          label, RetrievalMetrics.evaluate(data.qrels(), run, 10), perQueryMs);
    }
  }

  private static List<String> top10(float[] q, List<float[]> docs, List<String> ids) {
    PriorityQueue<int[]> best =
        new PriorityQueue<>(Comparator.comparingDouble(a -> Float.intBitsToFloat(a[1])));
    for (int i = 0; i < docs.size(); i++) {
      float[] d = docs.get(i);
      float dot = 0;
      for (int j = 0; j < q.length; j++) {
        dot += q[j] * d[j];
      }
      best.add(new int[] {i, Float.floatToIntBits(dot)});
      if (best.size() > 10) {
        best.poll();
      }
    }
    List<int[]> sorted = new ArrayList<>(best);
    sorted.sort(Comparator.comparingDouble(a -> -Float.intBitsToFloat(a[1])));
    return sorted.stream().map(a -> ids.get(a[0])).toList();
  }
}
