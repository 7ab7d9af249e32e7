package io.khoj4j.adapter.persistence.out.search;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The vector ranker's settings are checked when the server starts, not at the first search. */
class PgVectorEntryRankerTest {

  @Test
  void settingsOutsideTheirRangeAreRefusedByName() {
    assertThatThrownBy(() -> new PgVectorEntryRanker(null, -1, 0.1, 100, 100_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("khoj.search.vector.exact-limit");
    assertThatThrownBy(() -> new PgVectorEntryRanker(null, 0, 0.1, 0, 100_000))
        .hasMessageContaining("khoj.search.vector.ef-search must be between 1 and 1000");
    assertThatThrownBy(() -> new PgVectorEntryRanker(null, 0, 0.1, 1001, 100_000))
        .hasMessageContaining("khoj.search.vector.ef-search must be between 1 and 1000");
    assertThatThrownBy(() -> new PgVectorEntryRanker(null, 0, 0.1, 100, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("khoj.search.vector.ef-search-entries");
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    assertThatCode(() -> new PgVectorEntryRanker(null, 0, 0.1, 1, 0)).doesNotThrowAnyException();
    assertThatCode(() -> new PgVectorEntryRanker(null, 0, 0.1, 1000, 1)).doesNotThrowAnyException();
  }
}
