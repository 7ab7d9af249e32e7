package io.khoj4j.application.quality;

import java.util.List;
import java.util.Map;

/**
 * nDCG@k (linear gain, as BEIR's pytrec_eval computes it), Recall@k and MRR@k over a run: for each query, the ranked
 * document ids a system returned. Averages are over every judged query (a query with no results scores 0).
 */
public final class RetrievalMetrics {

  public record Scores(double ndcg, double recall, double mrr, int queries) {
    @Override
    public String toString() {
      return String.format(
          "nDCG@10 %.4f  Recall@10 %.4f  MRR@10 %.4f  (%d queries)", ndcg, recall, mrr, queries);
    }
  }

  private RetrievalMetrics() {}

  public static Scores evaluate(
      Map<String, Map<String, Integer>> qrels, Map<String, List<String>> run, int k) {
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
    for (var judged : qrels.entrySet()) {
      List<String> ranked = run.getOrDefault(judged.getKey(), List.of());
      ndcg += ndcg(judged.getValue(), ranked, k);
      recall += recall(judged.getValue(), ranked, k);
      mrr += reciprocalRank(judged.getValue(), ranked, k);
    }
    int n = qrels.size();
    return new Scores(ndcg / n, recall / n, mrr / n, n);
  }

  static double ndcg(Map<String, Integer> judged, List<String> ranked, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += Math.max(0, judged.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal =
        judged.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double recall(Map<String, Integer> judged, List<String> ranked, int k) {
    long relevant = judged.values().stream().filter(g -> g > 0).count();
    long found =
        ranked.stream().limit(k).filter(id -> judged.getOrDefault(id, 0) > 0).count();
    return relevant == 0 ? 0 : (double) found / relevant;
  }

  static double reciprocalRank(Map<String, Integer> judged, List<String> ranked, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (judged.getOrDefault(ranked.get(i), 0) > 0) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
