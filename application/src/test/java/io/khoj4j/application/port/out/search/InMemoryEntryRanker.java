package io.khoj4j.application.port.out.search;

import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.application.port.out.content.StoredChunk;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fake rankers over {@link InMemoryEntryRepository}: vector = exact cosine distance; keyword = number of query words
 * the compiled text contains (no distance, like the PostgreSQL keyword ranker). Pass {@link EntryRankerContract} like the PostgreSQL rankers.
 */
public final class InMemoryEntryRanker implements EntryRanker {

  private final InMemoryEntryRepository entries;
  private final Kind kind;

  public InMemoryEntryRanker(InMemoryEntryRepository entries, Kind kind) {
    this.entries = entries;
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }

  @Override
  public List<RankedEntry> rank(Request request) {
    Set<String> words = Arrays.stream(request.text().toLowerCase(Locale.ROOT).split("\\s+"))
        .filter(w -> !w.isBlank())
        .collect(Collectors.toSet());
    var candidates = entries.rows().stream()
        .filter(r -> r.owner().equals(request.owner()))
        .filter(r -> request.type().map(t -> t == r.chunk().type()).orElse(true))
        .filter(r -> request
            .filter()
            .accepts(r.chunk().chunk().raw(), r.file(), r.chunk().dates()));
    if (kind == Kind.KEYWORD) {
      candidates = candidates
          .filter(r -> matches(r.chunk(), words) > 0)
          .sorted(Comparator.comparingInt(
              (InMemoryEntryRepository.Row r) -> -matches(r.chunk(), words)));
    } else {
      candidates = candidates
          .filter(r -> r.chunk().modelId().equals(request.modelId()))
          .sorted(
              Comparator.comparingDouble(r -> distance(r.chunk().embedding(), request.vector())));
    }
    return candidates
        .limit(request.limit())
        .map(r -> new RankedEntry(
            r.chunk().id(),
            r.chunk().corpusId(),
            r.chunk().chunk().hash().hex(),
            kind.needsVector() && r.chunk().modelId().equals(request.modelId())
                ? distance(r.chunk().embedding(), request.vector())
                : Double.NaN))
        .toList();
  }

  private static int matches(StoredChunk chunk, Set<String> words) {
    String text = chunk.chunk().compiled().toLowerCase(Locale.ROOT);
    return (int) words.stream().filter(text::contains).count();
  }

  static double distance(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return 1 - dot / Math.sqrt(na * nb);
  }
}
