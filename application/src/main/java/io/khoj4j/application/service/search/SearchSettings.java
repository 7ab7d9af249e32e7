package io.khoj4j.application.service.search;

import java.time.ZoneId;
import java.util.Locale;

/**
 * @param candidates how many entries each ranker returns before fusion (at least {@code n})
 * @param fusion how the rankers' lists become one
 * @param rrfK the constant of reciprocal rank fusion: larger flattens the difference between ranks
 * @param keywordWeight weight of the keyword list in reciprocal rank fusion (the vector list has weight 1)
 * @param vectorWeight weight of the vector score in a convex combination, the keyword score having the rest
 * @param sectionWeight how much the next best chunk of an entry's section adds to its fused score: this weight times
 *     that chunk's margin above the tenth best candidate (0: an entry stands alone), so a section that matches in
 *     several chunks ranks above one that matches in one
 * @param zone the time zone "today" is counted in for date filters
 * @param rerankWeight weight of the reranker's relevance when it reorders the first results, the first stage's score
 *     having the rest, each scaled to [0, 1] over the reranked candidates (1: the reranker's order alone)
 */
public record SearchSettings(
    SearchMode mode,
    int candidates,
    Fusion fusion,
    int rrfK,
    double keywordWeight,
    double vectorWeight,
    double sectionWeight,
    ZoneId zone,
    double rerankWeight) {

  /** The reranker's share when it reorders results (docs/benchmarks.md, "Reranking"). */
  public static final double DEFAULT_RERANK_WEIGHT = 0.5;

  /** How the hybrid mode fuses the vector and keyword lists. */
  public enum Fusion {
    /** Reciprocal rank fusion: ranks only, scores ignored. */
    RRF,
    /**
     * A convex combination of the two scores, each normalised by its theoretical minimum and the list's maximum
     * (Bruch, Gai and Ingber, ACM TOIS 2023: "TM2C2").
     */
    CONVEX;

    public static Fusion of(String name) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "khoj.search.fusion must be rrf or convex, not " + name, e);
      }
    }
  }

  public SearchSettings {
    if (!(vectorWeight >= 0 && vectorWeight <= 1)) {
      throw new IllegalArgumentException(
          "khoj.search.vector-weight must be between 0 and 1, not " + vectorWeight);
    }
    if (!(sectionWeight >= 0 && sectionWeight <= 1)) {
      throw new IllegalArgumentException(
          "khoj.search.section-weight must be between 0 and 1, not " + sectionWeight);
    }
    if (!(rerankWeight >= 0 && rerankWeight <= 1)) {
      throw new IllegalArgumentException(
          "khoj.search.rerank-weight must be between 0 and 1, not " + rerankWeight);
    }
  }

  /** Reciprocal rank fusion with the given constant and keyword weight. */
  public SearchSettings(
      SearchMode mode, int candidates, int rrfK, double keywordWeight, ZoneId zone) {
    this(mode, candidates, Fusion.RRF, rrfK, keywordWeight, 0.5, 0, zone, DEFAULT_RERANK_WEIGHT);
  }

  /** The server's defaults: a convex combination weighing the vector score 0.95 (ADR 34). */
  public static SearchSettings defaults() {
    return new SearchSettings(
        SearchMode.HYBRID,
        100,
        Fusion.CONVEX,
        60,
        1.0,
        0.95,
        1.0,
        ZoneId.of("UTC"),
        DEFAULT_RERANK_WEIGHT);
  }
}
