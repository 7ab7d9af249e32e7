package io.khoj4j.adapter.web.in.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

  @Test
  void theQuestionIsUrlDecodedButPlusSignsStay() {
    assertThat(PercentDecoding.decode("%2Fnotes%20caf%C3%A9%20c++")).isEqualTo("/notes café c++");
    assertThat(PercentDecoding.decode("100% sure %zz")).isEqualTo("100% sure %zz");
  }
}
