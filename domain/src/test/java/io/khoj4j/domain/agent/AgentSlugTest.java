package io.khoj4j.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentSlugTest {

  @Test
  void aSlugIsTheNameInLowerCaseWithDashesAndSixDigitsFromTheId() {
    assertThat(AgentSlug.derive("  Math  Tutor!", new UUID(0, 42)).value())
        .isEqualTo("math-tutor-000042");
    assertThat(AgentSlug.derive("Café Ünïcode", new UUID(0, 1_234_567)).value())
        .isEqualTo("café-ünïcode-234567");
  }

  @Test
  void aNameWithoutLettersOrDigitsStillGetsASlug() {
    assertThat(AgentSlug.derive("!!!", new UUID(0, 7)).value()).isEqualTo("agent-000007");
  }

  @Test
  void aLongNameIsCutSoTheSlugFits() {
    AgentSlug slug = AgentSlug.derive("a".repeat(300), new UUID(0, 1));
    assertThat(slug.value()).hasSize(AgentSlug.MAX_LENGTH).endsWith("-000001");
  }

  @Test
  void slugsCompareCaseInsensitively() {
    assertThat(AgentSlug.of("Khoj")).isEqualTo(Agent.DEFAULT_SLUG);
    assertThatThrownBy(() -> AgentSlug.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wireNamesRoundTripAndUnknownOnesAreEmpty() {
    for (AgentInputTool tool : AgentInputTool.values()) {
      assertThat(AgentInputTool.fromWire(tool.wireName())).contains(tool);
    }
    assertThat(AgentInputTool.fromWire("summarize")).isEmpty();
    assertThat(AgentOutputMode.fromWire("diagram")).contains(AgentOutputMode.DIAGRAM);
    assertThat(AgentOutputMode.fromWire("video")).isEmpty();
    assertThat(AgentPrivacy.fromWire("protected")).contains(AgentPrivacy.PROTECTED);
    assertThat(AgentPrivacy.fromWire("secret")).isEmpty();
  }
}
