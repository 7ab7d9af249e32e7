package io.khoj4j.domain.content;

import java.util.Objects;

/**
 * What is embedded and stored: one piece of at most {@code maxWords} words of a {@link Section}. Chunks of one section
 * share {@code sectionIndex} (they become one "corpus id", so search can show one result per section).
 */
public record Chunk(
    String raw,
    String compiled,
    String heading,
    String file,
    String uri,
    ContentHash hash,
    int sectionIndex) {

  public Chunk {
    Objects.requireNonNull(compiled, "compiled");
    Objects.requireNonNull(hash, "hash");
  }
}
