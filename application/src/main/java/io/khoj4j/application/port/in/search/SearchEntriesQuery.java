package io.khoj4j.application.port.in.search;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Khoj's search: {@code q} may carry filters; {@code n} results (above Khoj's cap of 10 if asked); {@code type}
 * empty = all; {@code maxDistance} empty = no cut-off; {@code dedupe} = one result per section;
 * {@code knowledgeAgent} an agent whose own knowledge is searched beside the owner's notes (chat with an agent).
 */
public record SearchEntriesQuery(
    UserId owner,
    String q,
    int n,
    Optional<ContentType> type,
    boolean rerank,
    Optional<Double> maxDistance,
    boolean dedupe,
    Optional<UUID> knowledgeAgent) {

  public static final int MAX_RESULTS = 200;

  public SearchEntriesQuery {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(q, "q");
    if (n < 1 || n > MAX_RESULTS) {
      throw new InvalidInputException("n must be between 1 and " + MAX_RESULTS);
    }
    type = type == null ? Optional.empty() : type;
    maxDistance = maxDistance == null ? Optional.empty() : maxDistance.filter(d -> d > 0);
    knowledgeAgent = knowledgeAgent == null ? Optional.empty() : knowledgeAgent;
  }

  /** A search of the owner's notes alone. */
  public SearchEntriesQuery(
      UserId owner,
      String q,
      int n,
      Optional<ContentType> type,
      boolean rerank,
      Optional<Double> maxDistance,
      boolean dedupe) {
    this(owner, q, n, type, rerank, maxDistance, dedupe, Optional.empty());
  }
}
