package io.khoj4j.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("security")
class ControlCharacterFilterTest {

  private final ControlCharacterFilter filter = new ControlCharacterFilter();

  @Test
  void clientGivenParametersLoseTheirControlCharacters() {
    LogRecord record = new LogRecord(Level.WARNING, "Not indexing \"{0}\" for user {1}: {2}");
    record.setParameters(
        new Object[] {"notes/\u001b[2J\u001b[31mfake.md\u0000\r\nINFO forged line", 42, "bad"});

    assertThat(filter.isLoggable(record)).isTrue();

    assertThat(record.getParameters()[0])
        .isEqualTo("notes/\\u001b[2J\\u001b[31mfake.md\\u0000\\r\\nINFO forged line");
    assertThat(record.getParameters()[1]).isEqualTo(42);
    assertThat(record.getMessage()).isEqualTo("Not indexing \"{0}\" for user {1}: {2}");
  }

  @Test
  void aMessageBuiltFromInputIsEscapedToo() {
    LogRecord record = new LogRecord(Level.INFO, "chat turn failed: bad\u0085input\u007f\t!");

    filter.isLoggable(record);

    assertThat(record.getMessage()).isEqualTo("chat turn failed: bad\\u0085input\\u007f\\t!");
  }

  @Test
  void ordinaryTextIsLeftAsItIs() {
    assertThat(ControlCharacterFilter.escape("Grüße, 日本語, emoji 🙂 and quotes \"'"))
        .isEqualTo("Grüße, 日本語, emoji 🙂 and quotes \"'");
  }
}
