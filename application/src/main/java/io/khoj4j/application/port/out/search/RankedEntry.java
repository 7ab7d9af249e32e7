package io.khoj4j.application.port.out.search;

import io.khoj4j.domain.content.ContentSource;
import java.util.UUID;

/**
 * An entry a ranker found, best first: what fusion and dedupe need, without the text (read by {@link EntryTexts} for
 * the few entries a search returns). {@code distance} is the cosine distance to the query vector (lower is closer);
 * {@code Double.NaN} when the entry has no vector of the current model yet, or the ranker does not rank by vector (the
 * search then takes the distance {@link EntryTexts} reads with the text).
 */
public record RankedEntry(
    UUID id, String file, ContentSource source, UUID corpusId, String hash, double distance) {}
