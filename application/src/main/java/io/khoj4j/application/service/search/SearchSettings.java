package io.khoj4j.application.service.search;

import java.time.ZoneId;

/**
 * @param candidates how many entries each ranker returns before fusion (at least {@code n})
 * @param rrfK the constant of reciprocal rank fusion: larger flattens the difference between ranks
 * @param keywordWeight weight of the keyword list in the fusion (the vector list has weight 1)
 * @param zone the time zone "today" is counted in for date filters
 */
public record SearchSettings(
    SearchMode mode, int candidates, int rrfK, double keywordWeight, ZoneId zone) {

  public static SearchSettings defaults() {
    return new SearchSettings(SearchMode.HYBRID, 50, 60, 1.0, ZoneId.of("UTC"));
  }
}
