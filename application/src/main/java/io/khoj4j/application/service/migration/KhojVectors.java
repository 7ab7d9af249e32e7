package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.domain.content.ContentHash;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the vectors Khoj stored are this server's: Khoj's search model has the name this server's embedding model is
 * published under and embeds documents as they are (no prompt before them, full precision). Then the import keeps them for the
 * pieces of notes and the memories whose text is unchanged, instead of embedding everything again; otherwise every
 * text is embedded with this server's model (vectors of another model mean nothing to its search).
 */
final class KhojVectors {

  private final EmbeddingModel embeddings;
  private final Optional<KhojSource.SearchModel> same;
  private int dimension;

  private KhojVectors(EmbeddingModel embeddings, Optional<KhojSource.SearchModel> same) {
    this.embeddings = embeddings;
    this.same = same;
  }

  static KhojVectors of(KhojSource source, EmbeddingModel embeddings) {
    Optional<String> ours = embeddings.publishedName().map(n -> n.toLowerCase(Locale.ROOT));
    if (ours.isEmpty()) {
      return new KhojVectors(embeddings, Optional.empty());
    }
    return new KhojVectors(
        embeddings,
        source.searchModels().stream()
            .filter(KhojSource.SearchModel::plainDocuments)
            .filter(m ->
                m.biEncoder() != null && m.biEncoder().toLowerCase(Locale.ROOT).equals(ours.get()))
            .findFirst());
  }

  /** Khoj's search model whose vectors are this server's, if it has one. */
  Optional<KhojSource.SearchModel> sameModel() {
    return same;
  }

  /** What the import does with Khoj's vectors, for the progress lines. */
  String describe(List<KhojSource.SearchModel> sourceModels) {
    if (same.isPresent()) {
      return "vectors: Khoj's " + same.get().biEncoder() + " is this server's embedding model ("
          + embeddings.id() + "): its vectors are kept for unchanged text";
    }
    String theirs = sourceModels.isEmpty()
        ? "Khoj's model"
        : "Khoj's "
            + String.join(
                ", ", sourceModels.stream().map(m -> m.biEncoder()).distinct().toList());
    return "vectors: " + theirs + " is not this server's embedding model (" + embeddings.id()
        + "): notes and memories are embedded again";
  }

  /**
   * Khoj's vectors of a file's pieces by the hash of their text, normalised (this server's vectors are unit length);
   * a vector of another dimension than this server's model makes is left out, so its text is embedded.
   */
  Map<ContentHash, float[]> byText(List<KhojSource.Vector> vectors) {
    Map<ContentHash, float[]> known = new HashMap<>();
    for (KhojSource.Vector v : vectors) {
      usable(v.values()).ifPresent(values -> known.put(ContentHash.of(v.text()), values));
    }
    return known;
  }

  /** The vector normalised, if this server's search can use it: of its model's dimension and not all zeros. */
  Optional<float[]> usable(float[] values) {
    if (same.isEmpty() || values == null || values.length != dimension()) {
      return Optional.empty();
    }
    double norm = 0;
    for (float x : values) {
      norm += (double) x * x;
    }
    if (!(norm > 0) || Double.isInfinite(norm)) {
      return Optional.empty();
    }
    float scale = (float) (1 / Math.sqrt(norm));
    float[] unit = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      unit[i] = values[i] * scale;
    }
    return Optional.of(unit);
  }

  /** Asked once, and only when a vector is offered: a remote model learns its dimension from one call. */
  private int dimension() {
    if (dimension == 0) {
      dimension = embeddings.dimension();
    }
    return dimension;
  }
}
