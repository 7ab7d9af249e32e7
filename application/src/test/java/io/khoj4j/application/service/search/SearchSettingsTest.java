package io.khoj4j.application.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SearchSettingsTest {

  private static SearchSettings with(double vector, double section, double rerank) {
    return new SearchSettings(
        SearchMode.HYBRID,
        100,
        SearchSettings.Fusion.CONVEX,
        60,
        1.0,
        vector,
        section,
        ZoneId.of("UTC"),
        rerank);
  }

  @Test
  void weightsOutsideZeroToOneAreRefusedByTheirPropertyName() {
    assertThatThrownBy(() -> with(1.5, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("khoj.search.vector-weight must be between 0 and 1, not 1.5");
    assertThatThrownBy(() -> with(0.95, -0.1, 1))
        .hasMessage("khoj.search.section-weight must be between 0 and 1, not -0.1");
    assertThatThrownBy(() -> with(0.95, 1, 2))
        .hasMessage("khoj.search.rerank-weight must be between 0 and 1, not 2.0");
    assertThatThrownBy(() -> with(0.95, 1, Double.NaN))
        .hasMessage("khoj.search.rerank-weight must be between 0 and 1, not NaN");
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    assertThat(with(0, 0, 0).rerankWeight()).isZero();
    assertThat(with(1, 1, 1).rerankWeight()).isEqualTo(1.0);
  }

  @Test
  void fusionNamesAreReadWhateverTheirCase() {
    assertThat(SearchSettings.Fusion.of(" Convex ")).isEqualTo(SearchSettings.Fusion.CONVEX);
    assertThatThrownBy(() -> SearchSettings.Fusion.of("linear"))
        .hasMessage("khoj.search.fusion must be rrf or convex, not linear");
  }
}
