package io.khoj4j.domain.memory;

import java.util.Locale;

/** The server's memory setting (Khoj's ServerChatSettings.memory_mode), with Khoj's wire names. */
public enum MemoryMode {
  /** No memories: nothing is noted or recalled, the switch has no effect. */
  DISABLED,
  /** Users who turn the switch on get memories. */
  ENABLED_DEFAULT_OFF,
  /** Users get memories unless they turn the switch off (Khoj's default). */
  ENABLED_DEFAULT_ON;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MemoryMode fromWire(String value) {
    return MemoryMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
  }

  /** Whether a user with this switch ({@code null}: never set) has memories. */
  public boolean enabledFor(Boolean userSwitch) {
    return switch (this) {
      case DISABLED -> false;
      case ENABLED_DEFAULT_OFF -> Boolean.TRUE.equals(userSwitch);
      case ENABLED_DEFAULT_ON -> !Boolean.FALSE.equals(userSwitch);
    };
  }
}
