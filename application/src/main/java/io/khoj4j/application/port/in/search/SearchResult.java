package io.khoj4j.application.port.in.search;

import io.khoj4j.domain.content.ContentSource;
import java.util.UUID;

/**
 * One hit, as Khoj's clients read it: {@code score} is the cosine distance (lower is better; NaN when unknown),
 * {@code crossScore} is 1 − reranker relevance (lower is better) or null when not reranked.
 */
public record SearchResult(
    String entry,
    double score,
    Double crossScore,
    ContentSource source,
    String file,
    String uri,
    String compiled,
    String heading,
    UUID corpusId) {}
