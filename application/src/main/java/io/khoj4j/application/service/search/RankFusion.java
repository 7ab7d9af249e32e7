package io.khoj4j.application.service.search;

import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.RankedEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fuses the rankers' lists into one by reciprocal rank: an entry's score is the sum of {@code w / (k + rank)} over the
 * lists it appears in ({@code w} is {@code keywordWeight} for the keyword list, 1 for the others); ties go to the
 * entry nearer the query. An entry keeps the ranker's record that knows its vector distance.
 */
final class RankFusion {

  private final int k;
  private final double keywordWeight;

  RankFusion(int k, double keywordWeight) {
    this.k = k;
    this.keywordWeight = keywordWeight;
  }

  /** Reciprocal rank fusion: Σ w / (k + rank) over the lists an entry appears in; a lone list keeps its order. */
  List<RankedEntry> fuse(List<Map.Entry<EntryRanker.Kind, List<RankedEntry>>> lists) {
    if (lists.size() == 1) {
      return lists.getFirst().getValue();
    }
    Map<UUID, RankedEntry> byId = new LinkedHashMap<>();
    Map<UUID, Double> score = new HashMap<>();
    for (var list : lists) {
      double weight = list.getKey() == EntryRanker.Kind.KEYWORD ? keywordWeight : 1.0;
      List<RankedEntry> entries = list.getValue();
      for (int rank = 0; rank < entries.size(); rank++) {
        RankedEntry e = entries.get(rank);
        RankedEntry known = byId.get(e.id());
        if (known == null || Double.isNaN(known.distance())) {
          byId.put(e.id(), e);
        }
        score.merge(e.id(), weight / (k + rank + 1), Double::sum);
      }
    }
    List<RankedEntry> fused = new ArrayList<>(byId.values());
    fused.sort(Comparator.<RankedEntry>comparingDouble(e -> -score.get(e.id()))
        .thenComparingDouble(e -> Double.isNaN(e.distance()) ? 2 : e.distance()));
    return fused;
  }
}
