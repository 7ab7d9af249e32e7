package io.khoj4j.application.service.chat.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelCallsTest {

  @Test
  void lenientJsonReading() {
    assertThat(ModelCalls.jsonStrings("```json\n{\"queries\": [\"a \\\"b\\\"\", \"c\"]}\n```", "queries"))
        .containsExactly("a \"b\"", "c");
    assertThat(ModelCalls.jsonStrings("no json here", "queries")).isEmpty();
  }
}
