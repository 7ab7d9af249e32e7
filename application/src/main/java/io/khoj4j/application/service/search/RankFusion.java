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
 * entry nearer the query. An entry keeps the ranker's record that knows its vector distance, with the fused score as
 * its {@code score} (a lone list is returned as it is).
 *
 * <ul>
 *   <li>Reciprocal rank: an entry scores the sum of {@code w / (k + rank)} over the lists it appears in ({@code w} is
 *       {@code keywordWeight} for the keyword list, 1 for the others).
 *   <li>Convex: {@code a·v + (1 − a)·t}, where {@code v} is the entry's cosine similarity to the query and {@code t}
 *       its keyword score, each scaled to [0, 1] between its theoretical minimum (−1 for a cosine, 0 for BM25) and
 *       the best score found; an entry with no distance, or not found by words, gets 0 there.
 * </ul>
 */
final class RankFusion {

  /** The lowest cosine similarity there is: the theoretical minimum the vector score is scaled from. */
  private static final double COSINE_FLOOR = -1;

  private final SearchSettings.Fusion method;
  private final int k;
  private final double keywordWeight;
  private final double vectorWeight;
  private final double sectionWeight;

  RankFusion(SearchSettings settings) {
    this.method = settings.fusion();
    this.k = settings.rrfK();
    this.keywordWeight = settings.keywordWeight();
    this.vectorWeight = settings.vectorWeight();
    this.sectionWeight = settings.sectionWeight();
  }

  /** One list: a lone ranker keeps its order. */
  List<RankedEntry> fuse(List<Map.Entry<EntryRanker.Kind, List<RankedEntry>>> lists) {
    if (lists.size() == 1) {
      return lists.getFirst().getValue();
    }
    Map<UUID, RankedEntry> byId = new LinkedHashMap<>();
    for (var list : lists) {
      for (RankedEntry e : list.getValue()) {
        RankedEntry known = byId.get(e.id());
        if (known == null || Double.isNaN(known.distance())) {
          byId.put(e.id(), e);
        }
      }
    }
    Map<UUID, Double> score = withSections(
        method == SearchSettings.Fusion.RRF ? reciprocalRanks(lists) : convex(lists, byId), byId);
    List<RankedEntry> fused = new ArrayList<>(byId.size());
    for (RankedEntry e : byId.values()) {
      fused.add(new RankedEntry(
          e.id(),
          e.file(),
          e.source(),
          e.corpusId(),
          e.hash(),
          e.distance(),
          score.getOrDefault(e.id(), 0.0)));
    }
    fused.sort(Comparator.<RankedEntry>comparingDouble(e -> -e.score())
        .thenComparingDouble(e -> Double.isNaN(e.distance()) ? 2 : e.distance()));
    return fused;
  }

  /** Scores above the one at this place in the fused list count as near the top. */
  private static final int NEAR_TOP = 10;

  /**
   * Each entry's score plus {@code sectionWeight} times how far its section's next best entry stands above the
   * {@value #NEAR_TOP}th best score (nothing when it stands below): scores are close together near the top, so a
   * sibling counts by its margin there, not by its raw score. The best chunk stays first within its section.
   */
  private Map<UUID, Double> withSections(Map<UUID, Double> score, Map<UUID, RankedEntry> byId) {
    if (sectionWeight == 0 || byId.size() < 2) {
      return score;
    }
    double[] sorted = byId.values().stream()
        .mapToDouble(e -> score.getOrDefault(e.id(), 0.0))
        .sorted()
        .toArray();
    double reference = sorted[Math.max(0, sorted.length - NEAR_TOP)];
    Map<UUID, double[]> bestTwo = new HashMap<>();
    for (RankedEntry e : byId.values()) {
      double s = score.getOrDefault(e.id(), 0.0);
      double[] two = bestTwo.computeIfAbsent(
          e.corpusId(), k -> new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
      if (s > two[0]) {
        two[1] = two[0];
        two[0] = s;
      } else if (s > two[1]) {
        two[1] = s;
      }
    }
    Map<UUID, Double> summed = new HashMap<>();
    for (RankedEntry e : byId.values()) {
      double own = score.getOrDefault(e.id(), 0.0);
      double[] two = bestTwo.get(e.corpusId());
      double sibling = own >= two[0] ? two[1] : two[0];
      summed.put(e.id(), own + sectionWeight * Math.max(0, sibling - reference));
    }
    return summed;
  }

  private Map<UUID, Double> reciprocalRanks(
      List<Map.Entry<EntryRanker.Kind, List<RankedEntry>>> lists) {
    Map<UUID, Double> score = new HashMap<>();
    for (var list : lists) {
      double weight = list.getKey() == EntryRanker.Kind.KEYWORD ? keywordWeight : 1.0;
      List<RankedEntry> entries = list.getValue();
      for (int rank = 0; rank < entries.size(); rank++) {
        score.merge(entries.get(rank).id(), weight / (k + rank + 1), Double::sum);
      }
    }
    return score;
  }

  /**
   * {@code a·v + (1 − a)·t} for every entry found: {@code v} from the entry's distance, whichever list it came from
   * (the search reads the distance of entries only the keyword ranker found), {@code t} from its BM25 score.
   */
  private Map<UUID, Double> convex(
      List<Map.Entry<EntryRanker.Kind, List<RankedEntry>>> lists, Map<UUID, RankedEntry> byId) {
    Map<UUID, Double> keyword = new HashMap<>();
    for (var list : lists) {
      if (list.getKey() == EntryRanker.Kind.KEYWORD) {
        for (RankedEntry e : list.getValue()) {
          if (!Double.isNaN(e.score())) {
            keyword.merge(e.id(), Math.max(0, e.score()), Math::max);
          }
        }
      }
    }
    double bestSimilarity = byId.values().stream()
        .filter(e -> !Double.isNaN(e.distance()))
        .mapToDouble(e -> 1 - e.distance())
        .max()
        .orElse(COSINE_FLOOR);
    double bestKeyword = keyword.values().stream().mapToDouble(d -> d).max().orElse(0);
    Map<UUID, Double> score = new HashMap<>();
    for (RankedEntry e : byId.values()) {
      double v = Double.isNaN(e.distance()) || bestSimilarity <= COSINE_FLOOR
          ? 0
          : (Math.max(COSINE_FLOOR, 1 - e.distance()) - COSINE_FLOOR)
              / (bestSimilarity - COSINE_FLOOR);
      double t = bestKeyword > 0 ? keyword.getOrDefault(e.id(), 0.0) / bestKeyword : 0;
      score.put(e.id(), vectorWeight * v + (1 - vectorWeight) * t);
    }
    return score;
  }
}
