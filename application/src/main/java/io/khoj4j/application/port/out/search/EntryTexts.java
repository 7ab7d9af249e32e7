package io.khoj4j.application.port.out.search;

import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the text of ranked entries. Rankers return light hits; a search reads the text of the few it returns, so the
 * candidates it drops cost no text at all.
 */
public interface EntryTexts {

  /**
   * The text of those of {@code ids} that exist and belong to {@code owner} (or to the knowledge {@code agent}), by id,
   * each with its cosine distance to the query vector.
   */
  Map<UUID, EntryText> textsOf(
      UserId owner, Optional<UUID> agent, Collection<UUID> ids, QueryVector query);

  /**
   * The cosine distance to the query vector of those of {@code ids} that exist, belong to {@code owner} (or to the
   * knowledge {@code agent}) and have a vector of the query's model, by id; no text is read.
   */
  Map<UUID, Double> distancesOf(
      UserId owner, Optional<UUID> agent, Collection<UUID> ids, QueryVector query);

  /** The text of the owner's entries among {@code ids}. */
  default Map<UUID, EntryText> textsOf(UserId owner, Collection<UUID> ids, QueryVector query) {
    return textsOf(owner, Optional.empty(), ids, query);
  }

  /** The distances of the owner's entries among {@code ids}. */
  default Map<UUID, Double> distancesOf(UserId owner, Collection<UUID> ids, QueryVector query) {
    return distancesOf(owner, Optional.empty(), ids, query);
  }

  /** The query's embedding, by the model {@code modelId}. */
  record QueryVector(float[] vector, String modelId, int dimension) {

    public QueryVector {
      Objects.requireNonNull(vector, "vector");
      Objects.requireNonNull(modelId, "modelId");
    }
  }

  /**
   * An entry's text as Khoj returns it: {@code raw} and {@code compiled} text, its heading, its link, its file and
   * where that file came from; and its cosine distance to the query vector, {@code Double.NaN} when the entry has no
   * vector of the query's model.
   */
  record EntryText(
      String raw,
      String compiled,
      String heading,
      String uri,
      String file,
      ContentSource source,
      double distance) {}
}
