package io.khoj4j.archfixture.maps.domain;

import java.util.Map;

/** Conforms: typed maps are fine; only {@code Map<String, Object>} is the shape of loose JSON. */
public class Tally {
  private Map<String, Integer> counts;

  public Map<String, Long> totals(Map<String, ? extends Number> input) {
    return Map.of();
  }
}
