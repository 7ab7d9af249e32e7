package io.khoj4j.domain.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CrontimeTest {

  @Test
  void keepsFiveFieldsAndReadsQuestionMarksAsStars() {
    assertThat(Crontime.parse("  0 9 ? * 1  ").expression()).isEqualTo("0 9 * * 1");
    assertThat(Crontime.parse("0 9 * * 1 2027 extra").expression()).isEqualTo("0 9 * * 1");
    assertThat(Crontime.parse("15 8 * * *").minute()).isEqualTo(15);
  }

  @Test
  void fewerThanFiveFieldsIsInvalid() {
    assertThatThrownBy(() -> Crontime.parse("0 9 * *"))
        .isInstanceOf(InvalidCrontimeException.class)
        .hasMessage("Invalid crontime");
    assertThatThrownBy(() -> Crontime.parse(" ")).isInstanceOf(InvalidCrontimeException.class);
    assertThatThrownBy(() -> Crontime.parse(null)).isInstanceOf(InvalidCrontimeException.class);
  }

  @Test
  void anythingMoreOftenThanHourlyIsRefused() {
    for (String cron :
        new String[] {"* 9 * * *", "*/5 * * * *", "0,30 * * * *", "0-10 9 * * *", "60 9 * * *"}) {
      assertThatThrownBy(() -> Crontime.parse(cron))
          .as(cron)
          .isInstanceOf(InvalidCrontimeException.class)
          .hasMessageContaining("Minute level recurrence is unsupported");
    }
  }

  @Test
  void theTaskPrefixIsAddedOnceAndStrippedForTheQuestion() {
    assertThat(Automation.taskQuery("news on rust")).isEqualTo("/automated_task news on rust");
    assertThat(Automation.taskQuery("/automated_task news on rust"))
        .isEqualTo("/automated_task news on rust");
    assertThat(Automation.question("/automated_task  news on rust ")).isEqualTo("news on rust");
  }
}
