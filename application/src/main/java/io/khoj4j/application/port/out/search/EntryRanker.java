package io.khoj4j.application.port.out.search;

import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.search.EntryFilter;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One way of ranking a user's entries for a query: by meaning (vector) or by words (keyword). The search service
 * runs the rankers the configured mode names and fuses their lists.
 */
public interface EntryRanker {

  enum Kind {
    VECTOR,
    KEYWORD;

    /**
     * Whether rankers of this kind rank by the query vector. The others get a request without it, run while the
     * query is embedded, and report no distance ({@code NaN}): the search reads the distance of the entries it returns
     * with their text ({@link EntryTexts}).
     */
    public boolean needsVector() {
      return this == VECTOR;
    }
  }

  Kind kind();

  /** At most {@code limit} of the owner's entries (and the knowledge agent's) passing the filter, best first. */
  List<RankedEntry> rank(Request request);

  /**
   * What to rank: {@code text} the query without its filters, {@code vector} its embedding by the model
   * {@code modelId} ({@code null} for a kind that does not {@linkplain Kind#needsVector() need it}).
   */
  record Request(
      UserId owner,
      String text,
      float[] vector,
      String modelId,
      int dimension,
      Optional<ContentType> type,
      EntryFilter filter,
      int limit,
      Optional<UUID> knowledgeAgent) {

    public Request {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(filter, "filter");
      type = type == null ? Optional.empty() : type;
      knowledgeAgent = knowledgeAgent == null ? Optional.empty() : knowledgeAgent;
    }

    /** A request over the owner's entries alone. */
    public Request(
        UserId owner,
        String text,
        float[] vector,
        String modelId,
        int dimension,
        Optional<ContentType> type,
        EntryFilter filter,
        int limit) {
      this(owner, text, vector, modelId, dimension, type, filter, limit, Optional.empty());
    }

    /** The same request with the query's vector. */
    public Request withVector(float[] queryVector) {
      return new Request(
          owner, text, queryVector, modelId, dimension, type, filter, limit, knowledgeAgent);
    }
  }
}
