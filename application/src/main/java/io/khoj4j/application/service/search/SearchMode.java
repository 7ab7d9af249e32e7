package io.khoj4j.application.service.search;

import io.khoj4j.application.port.out.search.EntryRanker;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Which rankers a search uses: both fused (default), or one alone. */
public enum SearchMode {
  HYBRID(EnumSet.of(EntryRanker.Kind.VECTOR, EntryRanker.Kind.KEYWORD)),
  VECTOR(EnumSet.of(EntryRanker.Kind.VECTOR)),
  KEYWORD(EnumSet.of(EntryRanker.Kind.KEYWORD));

  private final Set<EntryRanker.Kind> rankers;

  SearchMode(Set<EntryRanker.Kind> rankers) {
    this.rankers = rankers;
  }

  public Set<EntryRanker.Kind> rankers() {
    return rankers;
  }

  public static SearchMode of(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }
}
