package io.khoj4j.domain.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentSourceTest {

  @Test
  void everySourceIsFoundByItsWireName() {
    for (ContentSource source : ContentSource.values()) {
      assertThat(ContentSource.fromWire(source.wireName())).contains(source);
    }
  }

  @Test
  void wireNamesIgnoreCaseAndSurroundingSpace() {
    assertThat(ContentSource.fromWire(" GitHub ")).contains(ContentSource.GITHUB);
    assertThat(ContentSource.fromWire("NOTION")).contains(ContentSource.NOTION);
  }

  @Test
  void unknownOrMissingNamesAreNoSource() {
    assertThat(ContentSource.fromWire("dropbox")).isEmpty();
    assertThat(ContentSource.fromWire("")).isEmpty();
    assertThat(ContentSource.fromWire(null)).isEmpty();
  }
}
