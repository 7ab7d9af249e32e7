package io.khoj4j.adapter.persistence.out.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RankingSqlTest {

  @Test
  void aVectorsTextHoldsEachFloatExactly() {
    float[] v = {0.1f, -1.0E-8f, -1.17549435E-38f, -0f, 0f, 1f / 3, Float.MIN_VALUE};

    String text = RankingSql.vectorLiteral(v);

    assertThat(text).startsWith("[").endsWith("]");
    float[] back = new float[v.length];
    String[] parts = text.substring(1, text.length() - 1).split(",");
    for (int i = 0; i < parts.length; i++) {
      back[i] = Float.parseFloat(parts[i]);
    }
    assertThat(Arrays.equals(back, v)).isTrue();
  }

  @Test
  void anEqualVectorGetsTheSameTextAndAChangedOneItsOwn() {
    float[] v = {0.5f, 0.25f, -0.125f};
    String first = RankingSql.vectorLiteral(v);

    assertThat(RankingSql.vectorLiteral(v.clone())).isSameAs(first);
    v[1] = 0.75f;
    assertThat(RankingSql.vectorLiteral(v)).isEqualTo("[0.5,0.75,-0.125]");
    // zero and negative zero are different texts
    assertThat(RankingSql.vectorLiteral(new float[] {0f})).isEqualTo("[0.0]");
    assertThat(RankingSql.vectorLiteral(new float[] {-0f})).isEqualTo("[-0.0]");
  }
}
