package io.khoj4j.adapter.llm.out.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryCachingEmbeddingModelTest {

  /** Counts what reaches the model; a text's vector is its length and first character, so they differ. */
  static final class CountingModel implements EmbeddingModel {
    final List<String> queries = new ArrayList<>();
    int documentCalls;

    @Override
    public String id() {
      return "counting";
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
      documentCalls++;
      return texts.stream().map(CountingModel::vector).toList();
    }

    @Override
    public float[] embedQuery(String text) {
      queries.add(text);
      return vector(text);
    }

    static float[] vector(String text) {
      return new float[] {text.length(), text.isEmpty() ? 0 : text.charAt(0)};
    }
  }

  private final CountingModel model = new CountingModel();
  private final QueryCachingEmbeddingModel cached = new QueryCachingEmbeddingModel(model, 3);

  @Test
  void aRepeatedQueryIsEmbeddedOnceWhateverItsSpacing() {
    float[] first = cached.embedQuery("tea in  Kyoto");
    float[] again = cached.embedQuery(" tea in Kyoto ");

    assertThat(again).containsExactly(first);
    assertThat(model.queries).containsExactly("tea in  Kyoto");
    assertThat(cached.stats().hitCount()).isEqualTo(1);
  }

  @Test
  void prefixesAndOtherCasesAreOtherQueries() {
    cached.embedQuery("tea");
    cached.embedQuery("tea i");
    cached.embedQuery("Tea");

    assertThat(model.queries).containsExactly("tea", "tea i", "Tea");
  }

  @Test
  void callersCannotChangeTheCachedVector() {
    cached.embedQuery("matcha")[0] = 999f;

    assertThat(cached.embedQuery("matcha")).containsExactly(CountingModel.vector("matcha"));
  }

  @Test
  void itIsBoundedAndNeverCachesDocuments() {
    for (int i = 0; i < 50; i++) {
      cached.embedQuery("query " + i);
    }
    cached.stats();
    assertThat(cached.stats().evictionCount()).isPositive();
    cached.embedDocuments(List.of("a", "b"));
    cached.embedDocuments(List.of("a", "b"));
    assertThat(model.documentCalls).isEqualTo(2);
    assertThat(cached.id()).isEqualTo("counting");
    assertThat(cached.dimension()).isEqualTo(2);
  }

  @Test
  void aCacheOfNothingIsAConfigurationError() {
    assertThatThrownBy(() -> new QueryCachingEmbeddingModel(model, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
