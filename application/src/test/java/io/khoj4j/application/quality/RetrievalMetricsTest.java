package io.khoj4j.application.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

  private final Map<String, Integer> judged = Map.of("a", 3, "b", 1, "c", 0);

  @Test
  void ndcgByHand() {
    // ranked b, x, a: DCG = 1/log2(2) + 0 + 3/log2(4) = 1 + 1.5 = 2.5; ideal a, b: 3 + 1/log2(3) =
    // 3.6309
    assertThat(RetrievalMetrics.ndcg(judged, List.of("b", "x", "a"), 10))
        .isCloseTo(2.5 / 3.630930, within(1e-5));
    assertThat(RetrievalMetrics.ndcg(judged, List.of("a", "b"), 10)).isCloseTo(1.0, within(1e-9));
    assertThat(RetrievalMetrics.ndcg(judged, List.of("x", "a"), 1)).isZero();
  }

  @Test
  void recallAndReciprocalRankIgnoreZeroJudgements() {
    assertThat(RetrievalMetrics.recall(judged, List.of("c", "a"), 10)).isEqualTo(0.5);
    assertThat(RetrievalMetrics.reciprocalRank(judged, List.of("c", "x", "b"), 10))
        .isEqualTo(1.0 / 3);
    assertThat(RetrievalMetrics.reciprocalRank(judged, List.of("c"), 10)).isZero();
  }

  @Test
  void averagesOverEveryJudgedQueryIncludingUnanswered() {
    var scores = RetrievalMetrics.evaluate(
        Map.of("q1", Map.of("a", 1), "q2", Map.of("b", 1)), Map.of("q1", List.of("a")), 10);

    assertThat(scores.ndcg()).isEqualTo(0.5);
    assertThat(scores.recall()).isEqualTo(0.5);
    assertThat(scores.mrr()).isEqualTo(0.5);
    assertThat(scores.queries()).isEqualTo(2);
  }
}
