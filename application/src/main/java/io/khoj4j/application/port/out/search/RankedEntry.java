package io.khoj4j.application.port.out.search;

import io.khoj4j.domain.content.ContentSource;
import java.util.UUID;

/**
 * An entry a ranker found, best first. {@code distance} is the cosine distance to the query vector (lower is
 * closer); {@code Double.NaN} when the entry has no vector of the current model yet.
 */
public record RankedEntry(
    UUID id,
    String raw,
    String compiled,
    String heading,
    String file,
    String uri,
    ContentSource source,
    UUID corpusId,
    String hash,
    double distance) {}
