package io.khoj4j.application.port.out.search;

import java.util.UUID;

/**
 * An entry a ranker found, best first: what fusion and dedupe need, nothing more. Its text and file are read by
 * {@link EntryTexts} for the few entries a search returns, so the hundreds of candidates it drops cost no more than
 * this record each. {@code corpusId} names the entry's section (the chunks of one section share it), {@code hash} its
 * content (equal texts, equal hashes). {@code distance} is the cosine distance to the query vector (lower is closer);
 * {@code Double.NaN} when the entry has no vector of the current model yet, or the ranker does not rank by vector (the
 * search then takes the distance {@link EntryTexts} reads with the text). {@code score} is the ranker's own relevance
 * when it has one besides the distance (higher is better: BM25 for the keyword ranker; the fused score in the search's
 * fused list), else {@code Double.NaN}.
 */
public record RankedEntry(UUID id, UUID corpusId, String hash, double distance, double score) {

  /** An entry ranked by distance alone. */
  public RankedEntry(UUID id, UUID corpusId, String hash, double distance) {
    this(id, corpusId, hash, distance, Double.NaN);
  }
}
