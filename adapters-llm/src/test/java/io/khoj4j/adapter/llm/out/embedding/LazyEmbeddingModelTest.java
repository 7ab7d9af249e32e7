package io.khoj4j.adapter.llm.out.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyEmbeddingModelTest {

  private final AtomicInteger loads = new AtomicInteger();

  private LazyEmbeddingModel lazy() {
    return new LazyEmbeddingModel("m", 3, () -> {
      loads.incrementAndGet();
      return new EmbeddingModel() {
        @Override
        public String id() {
          return "m";
        }

        @Override
        public int dimension() {
          return 3;
        }

        @Override
        public List<float[]> embedDocuments(List<String> texts) {
          return texts.stream().map(t -> new float[] {1, 0, 0}).toList();
        }

        @Override
        public float[] embedQuery(String text) {
          return new float[] {0, 1, 0};
        }
      };
    });
  }

  @Test
  void idDimensionAndAnEmptyBatchDoNotLoadTheModel() {
    LazyEmbeddingModel model = lazy();
    assertThat(model.id()).isEqualTo("m");
    assertThat(model.dimension()).isEqualTo(3);
    assertThat(model.embedDocuments(List.of())).isEmpty();
    assertThat(model.isLoaded()).isFalse();
    assertThat(loads).hasValue(0);
  }

  @Test
  void theFirstEmbeddingLoadsItOnce() {
    LazyEmbeddingModel model = lazy();
    assertThat(model.embedQuery("q")).containsExactly(0, 1, 0);
    assertThat(model.embedDocuments(List.of("a", "b"))).hasSize(2);
    assertThat(model.isLoaded()).isTrue();
    assertThat(loads).hasValue(1);
  }

  @Test
  void aClosedModelIsNotLoadedAnymore() throws Exception {
    LazyEmbeddingModel model = lazy();
    model.close();
    assertThatThrownBy(() -> model.embedQuery("q")).isInstanceOf(IllegalStateException.class);
    assertThat(loads).hasValue(0);
  }
}
