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
 * Fuses the rankers' lists into one, by reciprocal rank or by a convex combination of scores (ADR 34). Ties go to the
 * entry nearer the query. An entry keeps the ranker's record that knows its vector distance.
 *
 * <ul>
 *   <li>Reciprocal rank: an entry scores the sum of {@code w / (k + rank)} over the lists it appears in ({@code w} is
 *       {@code keywordWeight} for the keyword list, 1 for the others).
 *   <li>Convex: {@code a·v + (1 − a)·t}, where {@code v} is the entry's cosine similarity to the query and {@code t}
 *       its keyword score, each scaled to [0, 1] between its theoretical minimum (−1 for a cosine, 0 for BM25) and
 *       the best score of its list; an entry missing from a list gets 0 there.
 * </ul>
 */
final class RankFusion {

  private final SearchSettings.Fusion method;
  private final int k;
  private final double keywordWeight;
  private final double vectorWeight;

  RankFusion(SearchSettings settings) {
    this.method = settings.fusion();
    this.k = settings.rrfK();
    this.keywordWeight = settings.keywordWeight();
    this.vectorWeight = settings.vectorWeight();
  }

  /** One list: a lone ranker keeps its order. */
  List<RankedEntry> fuse(List<Map.Entry<EntryRanker.Kind, List<RankedEntry>>> lists) {
    if (lists.size() == 1) {
      return lists.getFirst().getValue();
    }
    Map<UUID, RankedEntry> byId = new LinkedHashMap<>();
    Map<UUID, Double> score = new HashMap<>();
    for (var list : lists) {
      List<RankedEntry> entries = list.getValue();
      double[] part = method == SearchSettings.Fusion.RRF
          ? reciprocalRanks(list.getKey(), entries.size())
          : normalised(list.getKey(), entries);
      for (int rank = 0; rank < entries.size(); rank++) {
        RankedEntry e = entries.get(rank);
        RankedEntry known = byId.get(e.id());
        if (known == null || Double.isNaN(known.distance())) {
          byId.put(e.id(), e);
        }
        score.merge(e.id(), part[rank], Double::sum);
      }
    }
    List<RankedEntry> fused = new ArrayList<>(byId.values());
    fused.sort(Comparator.<RankedEntry>comparingDouble(e -> -score.get(e.id()))
        .thenComparingDouble(e -> Double.isNaN(e.distance()) ? 2 : e.distance()));
    return fused;
  }

  private double[] reciprocalRanks(EntryRanker.Kind kind, int size) {
    double weight = kind == EntryRanker.Kind.KEYWORD ? keywordWeight : 1.0;
    double[] part = new double[size];
    for (int rank = 0; rank < size; rank++) {
      part[rank] = weight / (k + rank + 1);
    }
    return part;
  }

  /** Each entry's share of the convex combination: its list's score scaled to [0, 1], times the list's weight. */
  private double[] normalised(EntryRanker.Kind kind, List<RankedEntry> entries) {
    boolean keyword = kind == EntryRanker.Kind.KEYWORD;
    double weight = keyword ? 1 - vectorWeight : vectorWeight;
    double floor = keyword ? 0 : -1;
    double[] raw = new double[entries.size()];
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < raw.length; i++) {
      RankedEntry e = entries.get(i);
      double s = keyword ? e.score() : 1 - e.distance();
      raw[i] = Double.isNaN(s) ? floor : Math.max(floor, s);
      best = Math.max(best, raw[i]);
    }
    double span = best - floor;
    double[] part = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      part[i] = span > 0 ? weight * (raw[i] - floor) / span : 0;
    }
    return part;
  }
}
