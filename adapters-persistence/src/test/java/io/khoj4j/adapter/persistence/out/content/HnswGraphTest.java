package io.khoj4j.adapter.persistence.out.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HnswGraphTest {

  @Test
  void theIndexIsBuiltWithTheGraphsParameters() {
    assertThat(new HnswGraph(32, 128).indexSql("bge-small", 384, true))
        .hasValue("create index concurrently if not exists "
            + PgVectorEntryRepository.indexName("bge-small")
            + " on entries using hnsw ((embedding::vector(384)) vector_cosine_ops)"
            + " with (m = 32, ef_construction = 128) where model_id = 'bge-small'");
    assertThat(HnswGraph.PGVECTOR_DEFAULT.indexSql("it's", 3, false))
        .get()
        .asString()
        .startsWith("create index entries_embedding_")
        .endsWith("with (m = 16, ef_construction = 64) where model_id = 'it''s'");
  }

  @Test
  void aModelOfMoreDimensionsThanASinglePrecisionGraphHoldsGetsAHalfPrecisionOne() {
    assertThat(HnswGraph.graphType(2000)).hasValue("vector(2000)");
    assertThat(HnswGraph.graphType(2001)).hasValue("halfvec(2001)");
    assertThat(new HnswGraph(32, 128).indexSql("text-embedding-3-large", 3072, true))
        .get()
        .asString()
        .contains(" on entries using hnsw ((embedding::halfvec(3072)) halfvec_cosine_ops) ");
    assertThat(HnswGraph.graphType(4000)).hasValue("halfvec(4000)");
    // beyond pgvector's graph: no index, every search scans exactly
    assertThat(HnswGraph.graphType(4001)).isEmpty();
    assertThat(HnswGraph.DEFAULT.indexSql("qwen3-embedding-8b", 4096, true)).isEmpty();
    assertThatThrownBy(() -> HnswGraph.graphType(0)).hasMessageContaining("dimension");
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
