package io.khoj4j.application.service.search;

import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.RankedEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
    // one record per entry, in the order first found, holding every score the methods need: a
    // search fuses two lists of a hundred candidates each, so no boxed number or map per score
    int size = lists.stream().mapToInt(l -> l.getValue().size()).sum();
    Map<UUID, Candidate> byId = new HashMap<>(size * 2);
    List<Candidate> found = new ArrayList<>(size);
    for (var list : lists) {
      boolean words = list.getKey() == EntryRanker.Kind.KEYWORD;
      double weight = words ? keywordWeight : 1.0;
      List<RankedEntry> entries = list.getValue();
      for (int rank = 0; rank < entries.size(); rank++) {
        RankedEntry e = entries.get(rank);
        Candidate c = byId.get(e.id());
        if (c == null) {
          c = new Candidate(e);
          byId.put(e.id(), c);
          found.add(c);
        } else if (Double.isNaN(c.entry.distance())) {
          c.entry = e;
        }
        c.reciprocalRanks += weight / (k + rank + 1);
        if (words && !Double.isNaN(e.score())) {
          double bm25 = Math.max(0, e.score());
          c.keyword = Double.isNaN(c.keyword) ? bm25 : Math.max(c.keyword, bm25);
        }
      }
    }
    if (method == SearchSettings.Fusion.RRF) {
      found.forEach(c -> c.score = c.reciprocalRanks);
    } else {
      convex(found);
    }
    withSections(found);
    List<RankedEntry> fused = new ArrayList<>(found.size());
    for (Candidate c : found) {
      RankedEntry e = c.entry;
      fused.add(new RankedEntry(e.id(), e.corpusId(), e.hash(), e.distance(), c.score));
    }
    fused.sort(Comparator.<RankedEntry>comparingDouble(e -> -e.score())
        .thenComparingDouble(e -> Double.isNaN(e.distance()) ? 2 : e.distance()));
    return fused;
  }

  /** An entry found by one list or more: the record that knows its distance, and its scores. */
  private static final class Candidate {
    RankedEntry entry;
    /** The sum of its weighted reciprocal ranks. */
    double reciprocalRanks;
    /** Its best keyword score, {@code NaN} when no keyword list scored it. */
    double keyword = Double.NaN;
    /** Its fused score. */
    double score;

    Candidate(RankedEntry entry) {
      this.entry = entry;
    }
  }

  /** Scores above the one at this place in the fused list count as near the top. */
  private static final int NEAR_TOP = 10;

  /**
   * Adds to each entry's score {@code sectionWeight} times how far its section's next best entry stands above the
   * {@value #NEAR_TOP}th best score (nothing when it stands below): scores are close together near the top, so a
   * sibling counts by its margin there, not by its raw score. The best chunk stays first within its section.
   */
  private void withSections(List<Candidate> found) {
    if (sectionWeight == 0 || found.size() < 2) {
      return;
    }
    double[] sorted = new double[found.size()];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = found.get(i).score;
    }
    Arrays.sort(sorted);
    double reference = sorted[Math.max(0, sorted.length - NEAR_TOP)];
    Map<UUID, double[]> bestTwo = new HashMap<>();
    for (Candidate c : found) {
      double[] two = bestTwo.computeIfAbsent(c.entry.corpusId(), k ->
          new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
      if (c.score > two[0]) {
        two[1] = two[0];
        two[0] = c.score;
      } else if (c.score > two[1]) {
        two[1] = c.score;
      }
    }
    // each entry's sibling comes from bestTwo, fixed above: scores can change in place
    for (Candidate c : found) {
      double[] two = bestTwo.get(c.entry.corpusId());
      double sibling = c.score >= two[0] ? two[1] : two[0];
      c.score += sectionWeight * Math.max(0, sibling - reference);
    }
  }

  /**
   * Scores each entry {@code a·v + (1 − a)·t}: {@code v} from the entry's distance, whichever list it came from (the
   * search reads the distance of entries only the keyword ranker found), {@code t} from its BM25 score.
   */
  private void convex(List<Candidate> found) {
    double bestSimilarity = Double.NEGATIVE_INFINITY;
    double bestKeyword = 0;
    for (Candidate c : found) {
      if (!Double.isNaN(c.entry.distance())) {
        bestSimilarity = Math.max(bestSimilarity, 1 - c.entry.distance());
      }
      if (!Double.isNaN(c.keyword)) {
        bestKeyword = Math.max(bestKeyword, c.keyword);
      }
    }
    if (bestSimilarity == Double.NEGATIVE_INFINITY) {
      bestSimilarity = COSINE_FLOOR; // no entry has a distance
    }
    for (Candidate c : found) {
      double distance = c.entry.distance();
      double v = Double.isNaN(distance) || bestSimilarity <= COSINE_FLOOR
          ? 0
          : (Math.max(COSINE_FLOOR, 1 - distance) - COSINE_FLOOR) / (bestSimilarity - COSINE_FLOOR);
      double t = bestKeyword > 0 && !Double.isNaN(c.keyword) ? c.keyword / bestKeyword : 0;
      c.score = vectorWeight * v + (1 - vectorWeight) * t;
    }
  }
}
