package io.khoj4j.adapter.persistence.out.content;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The index build's memory goes into SQL as text: only PostgreSQL memory sizes are accepted. */
class PgVectorEntryRepositoryTest {

  @Test
  void anIndexBuildMemoryThatIsNotASizeIsRefusedAtStartUp() {
    for (String bad : new String[] {"lots", "1 GB", "1GB'; drop table entries; --", "", "2gb"}) {
      assertThatThrownBy(
              () -> new PgVectorEntryRepository(null, Clock.systemUTC(), bad, HnswGraph.DEFAULT))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("khoj.search.index-build-memory");
    }
  }

  @Test
  void sizesInPostgresqlsUnitsAreAccepted() {
    for (String good : new String[] {"1GB", "512MB", "65536kB", "65536", "2TB"}) {
      assertThatCode(
              () -> new PgVectorEntryRepository(null, Clock.systemUTC(), good, HnswGraph.DEFAULT))
          .as(good)
          .doesNotThrowAnyException();
    }
  }
}
