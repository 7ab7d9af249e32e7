package io.khoj4j.adapter.persistence.out.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HnswGraphTest {

  @Test
  void theIndexIsBuiltWithTheGraphsParameters() {
    assertThat(new HnswGraph(32, 128).indexSql("bge-small", 384, true))
        .isEqualTo("create index concurrently if not exists "
            + PgVectorEntryRepository.indexName("bge-small")
            + " on entries using hnsw ((embedding::vector(384)) vector_cosine_ops)"
            + " with (m = 32, ef_construction = 128) where model_id = 'bge-small'");
    assertThat(HnswGraph.PGVECTOR_DEFAULT.indexSql("it's", 3, false))
        .startsWith("create index entries_embedding_")
        .endsWith("with (m = 16, ef_construction = 64) where model_id = 'it''s'");
  }

  @Test
  void parametersOutsidePgvectorsRangesAreRefusedAtStartUp() {
    assertThatThrownBy(() -> new HnswGraph(1, 64)).hasMessageContaining("hnsw-m");
    assertThatThrownBy(() -> new HnswGraph(101, 400)).hasMessageContaining("hnsw-m");
    assertThatThrownBy(() -> new HnswGraph(32, 63))
        .hasMessageContaining("hnsw-ef-construction")
        .hasMessageContaining("64");
    assertThatThrownBy(() -> new HnswGraph(16, 1001)).hasMessageContaining("hnsw-ef-construction");
  }

  @Test
  void anIndexWithoutOptionsHasPgvectorsDefaults() {
    assertThat(HnswGraph.of(List.of()))
        .isEqualTo(HnswGraph.PGVECTOR_DEFAULT)
        .isEqualTo(new HnswGraph(16, 64))
        .isNotEqualTo(HnswGraph.DEFAULT);
    assertThat(HnswGraph.of(List.of("m=32", "ef_construction=128")))
        .isEqualTo(new HnswGraph(32, 128));
    assertThat(HnswGraph.of(List.of("ef_construction=100"))).isEqualTo(new HnswGraph(16, 100));
  }
}
